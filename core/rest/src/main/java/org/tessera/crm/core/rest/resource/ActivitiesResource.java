package org.tessera.crm.core.rest.resource;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.Problem;

/** Activities: CRUD with ETags and merge patch, and a keyset search. */
@Component(service = ActivitiesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "activities")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class ActivitiesResource {
    private final ActivityService activities;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public ActivitiesResource(@Reference ActivityService activities) {
        this.activities = activities;
    }

    /** Full replace; If-Match is required so that a replace never overwrites a change unseen. */
    @Operation(summary = "Create an activity", responses = {
            @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it", content = @Content(schema = @Schema(implementation = ActivityDTO.class)))})
    @RequiresPermission(CorePermissions.ACTIVITY_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createActivity(ActivityDTO draft, @Context UriInfo uriInfo) {
        ActivityDTO created = activities.create(draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @Operation(summary = "Read an activity", responses = {
            @ApiResponse(responseCode = "200", description = "The activity, with its ETag", content = @Content(schema = @Schema(implementation = ActivityDTO.class))),
            @ApiResponse(responseCode = "304", description = "Not modified")})
    @RequiresPermission(CorePermissions.ACTIVITY_READ)
    @GET
    @Path("{id}")
    public Response getActivity(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ActivityDTO activity = activities.get(id);
        return Responses.read(activity, activity.version, ifNoneMatch);
    }

    @Operation(summary = "Replace an activity (If-Match required)", responses = {
            @ApiResponse(responseCode = "200", description = "The updated activity, with its new ETag", content = @Content(schema = @Schema(implementation = ActivityDTO.class)))})
    @RequiresPermission(CorePermissions.ACTIVITY_WRITE)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replaceActivity(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ActivityDTO desired) {
        ActivityDTO updated = activities.update(id, EntityTags.requiredVersion(ifMatch), desired);
        return Responses.written(updated, updated.version);
    }

    /** JSON merge patch (RFC 7386); without If-Match the version read here guards the write. */
    @Operation(summary = "Merge-patch an activity (RFC 7386)", responses = {
            @ApiResponse(responseCode = "200", description = "The updated activity, with its new ETag", content = @Content(schema = @Schema(implementation = ActivityDTO.class)))})
    @RequiresPermission(CorePermissions.ACTIVITY_WRITE)
    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    public Response patchActivity(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(content = @Content(mediaType = TesseraApi.MERGE_PATCH_JSON,
            schema = @Schema(implementation = ActivityDTO.class))) JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        ActivityDTO current = activities.get(id);
        ActivityDTO merged = patcher.apply(current, patch, ActivityDTO.class);
        ActivityDTO updated = activities.update(id, expected != null ? expected : current.version, merged);
        return Responses.written(updated, updated.version);
    }

    @Operation(summary = "Delete an activity", responses = {
            @ApiResponse(responseCode = "204", description = "Deleted")})
    @RequiresPermission(CorePermissions.ACTIVITY_WRITE)
    @DELETE
    @Path("{id}")
    public Response deleteActivity(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        activities.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @Operation(summary = "Search activities, one keyset page at a time", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.ACTIVITY_READ)
    @GET
    public Page<ActivityDTO> searchActivities(@QueryParam("partyId") String partyId, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("dueFrom") String dueFrom, @QueryParam("dueTo") String dueTo,
            @QueryParam("ownerId") String ownerId, @QueryParam("assigneeId") String assigneeId,
            @QueryParam("link") String link, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        ActivityQuery query = ActivityFilters.parse(partyId, type, status, dueFrom, dueTo, ownerId, assigneeId, link);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> activities.search(query));
    }
}
