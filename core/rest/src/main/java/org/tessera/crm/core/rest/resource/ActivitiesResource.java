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
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.rest.TesseraApi;
import org.tessera.crm.core.rest.http.EntityTags;
import org.tessera.crm.core.rest.http.QueryParams;
import org.tessera.crm.core.rest.json.MergePatcher;
import org.tessera.crm.core.rest.json.ObjectMappers;

/** Activities: CRUD with ETags and merge patch, and a keyset search. */
@Component(service = ActivitiesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivitiesResource {
    private final ActivityService activities;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public ActivitiesResource(@Reference ActivityService activities) {
        this.activities = activities;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ActivityDTO draft, @Context UriInfo uriInfo) {
        ActivityDTO created = activities.create(draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ActivityDTO activity = activities.get(id);
        return Responses.read(activity, activity.version, ifNoneMatch);
    }

    /** Full replace; If-Match is required so that a replace never overwrites a change unseen. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ActivityDTO desired) {
        ActivityDTO updated = activities.update(id, EntityTags.requiredVersion(ifMatch), desired);
        return Responses.written(updated, updated.version);
    }

    /** JSON merge patch (RFC 7386); without If-Match the version read here guards the write. */
    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        ActivityDTO current = activities.get(id);
        ActivityDTO merged = patcher.apply(current, patch, ActivityDTO.class);
        ActivityDTO updated = activities.update(id, expected != null ? expected : current.version, merged);
        return Responses.written(updated, updated.version);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        activities.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    public Page<ActivityDTO> search(@QueryParam("partyId") String partyId, @QueryParam("type") String type,
            @QueryParam("status") String status, @QueryParam("dueFrom") String dueFrom, @QueryParam("dueTo") String dueTo,
            @QueryParam("ownerId") String ownerId, @QueryParam("assigneeId") String assigneeId,
            @QueryParam("link") String link, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        ActivityQuery query = new ActivityQuery();
        query.partyId = QueryParams.text(partyId);
        query.type = QueryParams.text(type);
        query.status = QueryParams.enumValue("status", status, ActivityStatus.class);
        query.dueFrom = QueryParams.instant("dueFrom", dueFrom);
        query.dueTo = QueryParams.instant("dueTo", dueTo);
        query.ownerId = QueryParams.text(ownerId);
        query.assigneeId = QueryParams.text(assigneeId);
        query.link = QueryParams.text(link);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return activities.search(query);
    }
}
