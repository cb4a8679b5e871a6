package org.tessera.crm.core.rest.resource;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.imports.ImportFormat;
import org.tessera.crm.core.api.imports.ImportJobDTO;
import org.tessera.crm.core.api.imports.ImportJobRequest;
import org.tessera.crm.core.api.imports.ImportJobService;
import org.tessera.crm.core.api.imports.ImportReportRow;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.export.ExportColumns;
import org.tessera.crm.core.kit.export.ExportFormat;
import org.tessera.crm.core.kit.export.ExportResponses;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * {@code /v1/import-jobs}: a file of any importable type (NDJSON, or CSV with a column mapping) is
 * received, answered 202 with the queued job, and worked in the background; the job shows its
 * progress, its per-row report is downloaded as NDJSON or CSV, and it can be cancelled. Each job also
 * needs the permission of its entity type, checked when it is submitted and again when it runs.
 */
@Component(service = ImportJobsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/import-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "import jobs")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class ImportJobsResource {
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    static final String ENTITY = "IMPORT_JOB";

    private final ImportJobService jobs;
    private final CallerContext callers;
    private final ObjectMapper mapper = ObjectMappers.create();

    @Activate
    public ImportJobsResource(@Reference ImportJobService jobs, @Reference CallerContext callers) {
        this.jobs = jobs;
        this.callers = callers;
    }

    @Operation(summary = "Submit an import job: the file is the body (NDJSON or CSV), the answer 202 with the queued job",
            description = "type: an importable entity type (party, activity, or a module's, e.g. service.request; GET"
                    + " /v1/import-jobs/types lists them); format: ndjson or csv, by default from the Content-Type; mapping"
                    + " (CSV): column=field pairs, comma-separated or repeated, a field being a path such as legalName,"
                    + " externalIds.legacy, custom.segment or contactMechanisms[0].value; without a mapping each header names"
                    + " its field. The caller needs the type's write permission.",
            responses = @ApiResponse(responseCode = "202", description = "The job, queued; Location names it",
                    content = @Content(schema = @Schema(implementation = ImportJobDTO.class))))
    @RequiresPermission(CorePermissions.IMPORT_JOBS)
    @POST
    @Consumes({NDJSON, CSV})
    public Response submit(@QueryParam("type") String type, @QueryParam("format") String format,
            @QueryParam("mapping") List<String> mapping, @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, @Context UriInfo uriInfo) {
        ImportJobRequest request = new ImportJobRequest();
        request.entityType = QueryParams.text(type);
        request.format = format(format, contentType);
        request.mapping = ImportJobRequest.parseMapping(mapping == null ? null : String.join(",", mapping));
        request.fileName = QueryParams.text(fileName);
        ImportJobDTO job = jobs.submit(request, body);
        URI location = uriInfo.getBaseUriBuilder().path(TesseraApi.VERSION_PATH + "/import-jobs").path(job.id).build();
        return Response.accepted(job).location(location).build();
    }

    private static ImportFormat format(String format, String contentType) {
        if (format != null && !format.isBlank()) {
            ImportFormat chosen = ImportFormat.parse(format);
            if (chosen == null) {
                throw ProblemException.badParameter("format", "must be ndjson or csv");
            }
            return chosen;
        }
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals(CSV) ? ImportFormat.CSV : ImportFormat.NDJSON;
    }

    @Operation(summary = "The entity types that can be imported now, each with the permission it needs")
    @RequiresPermission(CorePermissions.IMPORT_JOBS)
    @GET
    @Path("types")
    public Map<String, String> types() {
        return jobs.entityTypes();
    }

    @Operation(summary = "The caller's import jobs, newest first (every job with all-records)")
    @RequiresPermission(CorePermissions.IMPORT_JOBS)
    @GET
    public Page<ImportJobDTO> list(@QueryParam(QueryParams.LIMIT) String limit) {
        return Responses.items(jobs.list(QueryParams.limit(limit)));
    }

    @Operation(summary = "An import job: state (QUEUED, RUNNING, DONE, FAILED, CANCELLED), rows read, created, updated,"
            + " unchanged, rejected, rate (rows/s), estimated seconds left")
    @RequiresPermission(CorePermissions.IMPORT_JOBS)
    @GET
    @Path("{id}")
    public ImportJobDTO get(@PathParam("id") String id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    @Operation(summary = "The job's report: one row per reason of each rejected row (line, CSV column where known, field,"
            + " code, message, duplicate candidates), and one per row written as a likely duplicate",
            responses = @ApiResponse(responseCode = "200", description = "The report, as an attachment", content = {
                    @Content(mediaType = NDJSON, schema = @Schema(implementation = ImportReportRow.class)),
                    @Content(mediaType = CSV)}))
    @RequiresPermission(CorePermissions.IMPORT_JOBS)
    @GET
    @Path("{id}/report")
    @Produces({NDJSON, CSV, MediaType.APPLICATION_JSON})
    public Response report(@PathParam("id") String id,
            @Parameter(schema = @Schema(type = "string", allowableValues = {"ndjson", "csv"}, defaultValue = "ndjson"))
            @QueryParam(ExportFormat.PARAMETER) String format) {
        ExportFormat chosen = ExportFormat.parse(format);
        return ExportResponses.stream(chosen, "import-report-" + id, jobs.report(id), mapper,
                keys -> ExportColumns.of(mapper, ImportReportRow.class, List.of()), callers.currentLogin());
    }

    @Operation(summary = "Cancel a queued or running job: the chunk being written completes, nothing after it (409 once finished)")
    @RequiresPermission(CorePermissions.IMPORT_JOBS)
    @POST
    @Path("{id}:cancel")
    public ImportJobDTO cancel(@PathParam("id") String id) {
        return jobs.cancel(id);
    }

    @Operation(summary = "Cancel a queued or running job, as POST /v1/import-jobs/{id}:cancel")
    @RequiresPermission(CorePermissions.IMPORT_JOBS)
    @DELETE
    @Path("{id}")
    public ImportJobDTO delete(@PathParam("id") String id) {
        return jobs.cancel(id);
    }
}
