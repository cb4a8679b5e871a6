package org.tessera.crm.core.rest.resource;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
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
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.export.ExportAccess;
import org.tessera.crm.core.kit.export.ExportColumns;
import org.tessera.crm.core.kit.export.ExportFormat;
import org.tessera.crm.core.kit.export.ExportResponses;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * {@code GET /v1/parties:export}: every party the list's filters match, as one NDJSON or CSV file
 * streamed while it is read (see {@link org.tessera.crm.core.kit.export.ExportResponses}). A root resource of its own, as
 * {@code :import} is: under {@code /v1/parties} it would compete with {@code {id}}.
 */
@Component(service = PartyExportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/parties:export")
@Tag(name = "parties")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class PartyExportResource {
    static final String FILE_NAME = "parties";

    private final PartyService parties;
    private final CallerContext callers;
    private final ObjectMapper mapper = ObjectMappers.create();

    @Activate
    public PartyExportResource(@Reference PartyService parties, @Reference CallerContext callers) {
        this.parties = parties;
        this.callers = callers;
    }

    @Operation(summary = "Export the parties the list's filters match, as NDJSON or CSV (needs core.party.read too)",
            description = "Streamed in id order from one read-only transaction; the caller's perimeter applies and the"
                    + " sensitive fields are left out without core.party.sensitive. CSV: a header row, custom fields as"
                    + " custom.<key> columns, arrays and objects as JSON, primaryEmail and primaryPhone columns.",
            responses = @ApiResponse(responseCode = "200", description = "The file, as an attachment", content = {
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = PartyDTO.class)),
                    @Content(mediaType = "text/csv")}))
    @RequiresPermission(CorePermissions.PARTY_EXPORT)
    @GET
    @Produces({"application/x-ndjson", "text/csv", MediaType.APPLICATION_JSON})
    public Response exportParties(
            @Parameter(schema = @Schema(type = "string", allowableValues = {"ndjson", "csv"}, defaultValue = "ndjson"))
            @QueryParam(ExportFormat.PARAMETER) String format,
            @QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("classification") String classification, @QueryParam("ownerId") String ownerId,
            @QueryParam("orgUnitId") String orgUnitId, @QueryParam("status") String status, @Context UriInfo uriInfo) {
        ExportAccess.requireRead(callers, CorePermissions.PARTY_READ);
        ExportFormat chosen = ExportFormat.parse(format);
        PartyQuery query = PartyFilters.parse(q, type, classification, ownerId, orgUnitId, status, uriInfo);
        RecordExport<PartyDTO> export = QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> parties.export(query));
        return ExportResponses.stream(chosen, FILE_NAME, export, mapper, this::columns, callers.currentLogin());
    }

    /** The DTO's columns, plus the first email address and phone number, which a spreadsheet wants as cells. */
    private ExportColumns<PartyDTO> columns(List<String> customKeys) {
        return ExportColumns.of(mapper, PartyDTO.class, customKeys)
                .with("primaryEmail", party -> primary(party, "EMAIL"))
                .with("primaryPhone", party -> primary(party, "PHONE"));
    }

    /** The value of the party's primary mechanism of that type, or of its first one when none is marked primary. */
    static String primary(PartyDTO party, String type) {
        ContactMechanismDTO first = null;
        for (ContactMechanismDTO mechanism : party.contactMechanisms) {
            if (mechanism.type != null && type.equals(mechanism.type.name())) {
                if (mechanism.primary) {
                    return mechanism.value;
                }
                if (first == null) {
                    first = mechanism;
                }
            }
        }
        return first == null ? null : first.value;
    }
}
