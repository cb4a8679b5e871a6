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
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.api.activity.ActivityService;
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

/** {@code GET /v1/activities:export}: every activity the list's filters match, as one NDJSON or CSV file, streamed. */
@Component(service = ActivityExportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/activities:export")
@Tag(name = "activities")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class ActivityExportResource {
    private final ActivityService activities;
    private final CallerContext callers;
    private final ObjectMapper mapper = ObjectMappers.create();

    @Activate
    public ActivityExportResource(@Reference ActivityService activities, @Reference CallerContext callers) {
        this.activities = activities;
        this.callers = callers;
    }

    @Operation(summary = "Export the activities the list's filters match, as NDJSON or CSV (needs core.activity.read too)",
            description = "Streamed in id order from one read-only transaction, within the caller's perimeter. CSV: a header"
                    + " row, custom fields as custom.<key> columns, participants and links as JSON arrays.",
            responses = @ApiResponse(responseCode = "200", description = "The file, as an attachment", content = {
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = ActivityDTO.class)),
                    @Content(mediaType = "text/csv")}))
    @RequiresPermission(CorePermissions.ACTIVITY_EXPORT)
    @GET
    @Produces({"application/x-ndjson", "text/csv", MediaType.APPLICATION_JSON})
    public Response exportActivities(
            @Parameter(schema = @Schema(type = "string", allowableValues = {"ndjson", "csv"}, defaultValue = "ndjson"))
            @QueryParam(ExportFormat.PARAMETER) String format,
            @QueryParam("partyId") String partyId, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("dueFrom") String dueFrom, @QueryParam("dueTo") String dueTo,
            @QueryParam("ownerId") String ownerId, @QueryParam("assigneeId") String assigneeId,
            @QueryParam("link") String link, @Context UriInfo uriInfo) {
        ExportAccess.requireRead(callers, CorePermissions.ACTIVITY_READ);
        ExportFormat chosen = ExportFormat.parse(format);
        ActivityQuery query = ActivityFilters.parse(partyId, type, status, dueFrom, dueTo, ownerId, assigneeId, link);
        RecordExport<ActivityDTO> export = QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> activities.export(query));
        return ExportResponses.stream(chosen, "activities", export, mapper, this::columns, callers.currentLogin());
    }

    private ExportColumns<ActivityDTO> columns(List<String> customKeys) {
        return ExportColumns.of(mapper, ActivityDTO.class, customKeys);
    }
}
