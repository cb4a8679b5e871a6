package org.tessera.crm.core.rest.resource;

import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.imports.ActivityImportService;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportedActivityDTO;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.NdjsonRows;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.rest.limits.RequestLimitsConfig;

/**
 * {@code POST /v1/activities:import}: NDJSON in, one activity per line, streamed into the
 * importer; the report out. A root resource of its own, as {@link PartyImportResource} is.
 */
@Component(service = ActivityImportResource.class, configurationPid = RequestLimitsConfig.PID)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/activities:import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "activities")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class ActivityImportResource {
    private final ActivityImportService importer;
    private final ObjectMapper mapper = ObjectMappers.create();

    private volatile int maxLineChars;

    @Activate
    public ActivityImportResource(@Reference ActivityImportService importer, RequestLimitsConfig limits) {
        this.importer = importer;
        configure(limits);
    }

    @Modified
    void configure(RequestLimitsConfig limits) {
        this.maxLineChars = limits.maxImportLineChars();
    }

    @Operation(summary = "Import activities (NDJSON, upsert by external id)", description = "One activity per line,"
            + " as in POST /v1/activities, each with at least one external id. Parties are named by id in"
            + " participants or by a party external id in participantExternalIds ([{\"source\": \"legacy\","
            + " \"id\": \"C-123\"}]). The same file imported twice creates nothing new. A malformed or invalid"
            + " line is a rejected row, reported with its line number and reasons; it does not stop the import.",
            responses = {@ApiResponse(responseCode = "200", description = "The report: counts and every rejected row",
                    content = @Content(schema = @Schema(implementation = ImportReport.class)))})
    @RequiresPermission(CorePermissions.ACTIVITY_WRITE)
    @POST
    @Consumes(PartyImportResource.NDJSON)
    public ImportReport importActivities(@RequestBody(content = @Content(mediaType = PartyImportResource.NDJSON,
            schema = @Schema(implementation = ImportedActivityDTO.class))) InputStream body) {
        return importer.importActivities(new NdjsonRows<>(body, mapper, ImportedActivityDTO.class, maxLineChars));
    }
}
