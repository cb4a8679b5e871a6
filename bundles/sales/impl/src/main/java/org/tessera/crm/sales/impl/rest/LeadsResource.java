package org.tessera.crm.sales.impl.rest;

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
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.sales.api.LeadConversionDTO;
import org.tessera.crm.sales.api.LeadDTO;
import org.tessera.crm.sales.api.LeadOutcomeDTO;
import org.tessera.crm.sales.api.LeadQuery;
import org.tessera.crm.sales.api.LeadService;
import org.tessera.crm.sales.api.LeadStatus;
import org.tessera.crm.sales.impl.service.SalesPermissions;

/** Leads: CRUD with ETags and merge patch, prospecting outcomes, conversion. */
@Component(service = LeadsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@JSONRequired
@Path("/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadsResource {
    private final LeadService leads;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public LeadsResource(@Reference LeadService leads) {
        this.leads = leads;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.LEAD_WRITE)
    public Response createLead(LeadDTO draft, @Context UriInfo uriInfo) {
        LeadDTO created = leads.create(draft == null ? new LeadDTO() : draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(SalesPermissions.LEAD_READ)
    public Page<LeadDTO> searchLeads(@QueryParam("status") String status, @QueryParam("partyId") String partyId,
            @QueryParam("ownerId") String ownerId, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        LeadQuery query = new LeadQuery();
        query.status = QueryParams.enumValue("status", status, LeadStatus.class);
        query.partyId = QueryParams.text(partyId);
        query.ownerId = QueryParams.text(ownerId);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> leads.search(query));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(SalesPermissions.LEAD_READ)
    public Response getLead(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        LeadDTO lead = leads.get(id);
        return Responses.read(lead, lead.version, ifNoneMatch);
    }

    /** Full replace; If-Match is required so that a replace never overwrites a change unseen. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.LEAD_WRITE)
    public Response replaceLead(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, LeadDTO desired) {
        LeadDTO updated = leads.update(id, EntityTags.requiredVersion(ifMatch), desired == null ? new LeadDTO() : desired);
        return Responses.written(updated, updated.version);
    }

    /** JSON merge patch (RFC 7386); without If-Match the version read here guards the write. */
    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(SalesPermissions.LEAD_WRITE)
    public Response patchLead(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        LeadDTO current = leads.get(id);
        LeadDTO updated = leads.update(id, expected != null ? expected : current.version, patcher.apply(current, patch, LeadDTO.class));
        return Responses.written(updated, updated.version);
    }

    /** One prospecting attempt: its outcome, and optionally the next action to plan. */
    @POST
    @Path("{id}/outcomes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.LEAD_WRITE)
    public Response recordLeadOutcome(@PathParam("id") String id, LeadOutcomeDTO outcome) {
        LeadDTO updated = leads.recordOutcome(id, outcome == null ? new LeadOutcomeDTO() : outcome);
        return Responses.written(updated, updated.version);
    }

    /** Converts a QUALIFIED lead; converting a converted lead answers what the first conversion did. */
    @POST
    @Path("{id}/convert")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.LEAD_WRITE)
    public LeadConversionDTO convertLead(@PathParam("id") String id, LeadConversionDTO request) {
        return leads.convert(id, request == null ? new LeadConversionDTO() : request);
    }

    /** Deletes the lead; with {@code If-Match} only if it is still at that version (412 otherwise), without it unconditionally. */
    @DELETE
    @Path("{id}")
    @RequiresPermission(SalesPermissions.LEAD_WRITE)
    public Response deleteLead(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        leads.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
