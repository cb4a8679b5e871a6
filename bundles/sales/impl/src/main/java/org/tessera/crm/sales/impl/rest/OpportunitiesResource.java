package org.tessera.crm.sales.impl.rest;

import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.PUT;
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

import com.fasterxml.jackson.databind.JsonNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.sales.impl.service.SalesPermissions;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.sales.api.OpportunityDTO;
import org.tessera.crm.sales.api.OpportunityHistoryDTO;
import org.tessera.crm.sales.api.OpportunityQuery;
import org.tessera.crm.sales.api.OpportunityService;
import org.tessera.crm.sales.api.SalesEntityTypes;

/** Opportunities: CRUD with ETags and merge patch, their history and their activities. */
@Component(service = OpportunitiesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@JSONRequired
@Path("/opportunities")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunitiesResource {
    private final OpportunityService opportunities;
    private final ActivityService activities;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public OpportunitiesResource(@Reference OpportunityService opportunities, @Reference ActivityService activities) {
        this.opportunities = opportunities;
        this.activities = activities;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.OPPORTUNITY_WRITE)
    public Response createOpportunity(OpportunityDTO draft, @Context UriInfo uriInfo) {
        OpportunityDTO created = opportunities.create(draft == null ? new OpportunityDTO() : draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(SalesPermissions.OPPORTUNITY_READ)
    public Page<OpportunityDTO> searchOpportunities(@QueryParam("accountId") String accountId,
            @QueryParam("ownerId") String ownerId, @QueryParam("pipelineId") String pipelineId,
            @QueryParam("stage") String stage, @QueryParam("status") String status,
            @QueryParam("closeFrom") String closeFrom, @QueryParam("closeTo") String closeTo,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        OpportunityQuery query = OpportunityFilters.parse(accountId, ownerId, pipelineId, stage, status, closeFrom, closeTo);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> opportunities.search(query));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(SalesPermissions.OPPORTUNITY_READ)
    public Response getOpportunity(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        OpportunityDTO opportunity = opportunities.get(id);
        return Responses.read(opportunity, opportunity.version, ifNoneMatch);
    }

    /** Full replace; If-Match is required so that a replace never overwrites a change unseen. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.OPPORTUNITY_WRITE)
    public Response replaceOpportunity(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, OpportunityDTO desired) {
        OpportunityDTO updated = opportunities.update(id, EntityTags.requiredVersion(ifMatch), desired == null ? new OpportunityDTO() : desired);
        return Responses.written(updated, updated.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(SalesPermissions.OPPORTUNITY_WRITE)
    public Response patchOpportunity(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        OpportunityDTO current = opportunities.get(id);
        OpportunityDTO merged = patcher.apply(current, patch, OpportunityDTO.class);
        OpportunityDTO updated = opportunities.update(id, expected != null ? expected : current.version, merged);
        return Responses.written(updated, updated.version);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(SalesPermissions.OPPORTUNITY_WRITE)
    public Response deleteOpportunity(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        opportunities.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    /** Every change of stage, amount, probability, close date or forecast category, oldest first. */
    @GET
    @Path("{id}/history")
    @RequiresPermission(SalesPermissions.OPPORTUNITY_READ)
    public Page<OpportunityHistoryDTO> getOpportunityHistory(@PathParam("id") String id) {
        List<OpportunityHistoryDTO> history = opportunities.history(id);
        return Responses.items(history);
    }

    /** Core activities linked to the opportunity ({@code sales:opportunity:<id>}). */
    @GET
    @Path("{id}/activities")
    @RequiresPermission(SalesPermissions.OPPORTUNITY_READ)
    public Page<ActivityDTO> getOpportunityActivities(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        OpportunityDTO opportunity = opportunities.get(id);
        ActivityQuery query = new ActivityQuery();
        query.link = SalesEntityTypes.OPPORTUNITY_LINK_PREFIX + opportunity.id;
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> activities.search(query));
    }
}
