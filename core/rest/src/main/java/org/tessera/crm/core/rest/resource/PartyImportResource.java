package org.tessera.crm.core.rest.resource;

import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.PartyImportService;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.NdjsonRows;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.rest.limits.RequestLimitsConfig;

/**
 * {@code POST /v1/parties:import}: NDJSON in, one party per line, streamed into the importer;
 * the report out. A root resource of its own: its path is not under {@code /v1/parties/}, so it
 * cannot compete with {@code /v1/parties/{id}}.
 */
@Component(service = PartyImportResource.class, configurationPid = RequestLimitsConfig.PID)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/parties:import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "parties")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class PartyImportResource {
    /** Newline-delimited JSON. */
    public static final String NDJSON = "application/x-ndjson";

    private final PartyImportService importer;
    private final ObjectMapper mapper = ObjectMappers.create();

    private volatile int maxLineChars;

    @Activate
    public PartyImportResource(@Reference PartyImportService importer, RequestLimitsConfig limits) {
        this.importer = importer;
        configure(limits);
    }

    @Modified
    void configure(RequestLimitsConfig limits) {
        this.maxLineChars = limits.maxImportLineChars();
    }

    @Operation(summary = "Import parties (NDJSON, upsert by external id)", description = "One party per line,"
            + " as in POST /v1/parties, each with at least one external id. The same file imported twice creates"
            + " nothing new. A malformed or invalid line is a rejected row, reported with its line number and"
            + " reasons; it does not stop the import. A row that matches a duplicate rule is rejected naming the"
            + " candidates (duplicateOf), unless allowDuplicates=true and the rule only warns: the row is then written"
            + " and listed under duplicates.", responses = {
            @ApiResponse(responseCode = "200", description = "The report: counts and every rejected row",
                    content = @Content(schema = @Schema(implementation = ImportReport.class)))})
    @RequiresPermission(CorePermissions.PARTY_WRITE)
    @POST
    @Consumes(NDJSON)
    public ImportReport importParties(@RequestBody(content = @Content(mediaType = NDJSON,
            schema = @Schema(implementation = PartyDTO.class))) InputStream body,
            @QueryParam(AllowDuplicatesParam.NAME) String allowDuplicates) {
        boolean allowed = AllowDuplicatesParam.of(allowDuplicates);
        return importer.importParties(new NdjsonRows<>(body, mapper, PartyDTO.class, maxLineChars), allowed);
    }
}
