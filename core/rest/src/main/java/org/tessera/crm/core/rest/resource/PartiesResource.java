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
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyRoleDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.rest.TesseraApi;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineService;
import org.tessera.crm.core.rest.http.EntityTags;
import org.tessera.crm.core.rest.http.QueryParams;
import org.tessera.crm.core.rest.json.MergePatcher;
import org.tessera.crm.core.rest.json.ObjectMappers;

/**
 * Parties: CRUD with ETags and merge patch, keyset search, and per party its relationships,
 * roles and timeline (kept here, not in classes of their own, because a second root resource
 * under {@code /v1/parties/{id}} would compete with this one in JAX-RS resource matching).
 */
@Component(service = PartiesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/parties")
@Produces(MediaType.APPLICATION_JSON)
public class PartiesResource {
    private final PartyService parties;
    private final TimelineService timelineService;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public PartiesResource(@Reference PartyService parties, @Reference TimelineService timeline) {
        this.parties = parties;
        this.timelineService = timeline;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PartyDTO draft, @Context UriInfo uriInfo) {
        PartyDTO created = parties.create(draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PartyDTO party = parties.get(id);
        return Responses.read(party, party.version, ifNoneMatch);
    }

    /** Full replace; If-Match is required so that a replace never overwrites a change unseen. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PartyDTO desired) {
        PartyDTO updated = parties.update(id, EntityTags.requiredVersion(ifMatch), desired);
        return Responses.written(updated, updated.version);
    }

    /** JSON merge patch (RFC 7386); without If-Match the version read here guards the write. */
    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        PartyDTO current = parties.get(id);
        PartyDTO merged = patcher.apply(current, patch, PartyDTO.class);
        PartyDTO updated = parties.update(id, expected != null ? expected : current.version, merged);
        return Responses.written(updated, updated.version);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        parties.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    public Page<PartyDTO> search(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("classification") String classification, @QueryParam("ownerId") String ownerId,
            @QueryParam("orgUnitId") String orgUnitId, @QueryParam("status") String status,
            @QueryParam("sort") String sort, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        PartyQuery query = new PartyQuery();
        query.q = QueryParams.text(q);
        query.type = QueryParams.enumValue("type", type, PartyType.class);
        query.classification = QueryParams.text(classification);
        query.ownerId = QueryParams.text(ownerId);
        query.orgUnitId = QueryParams.text(orgUnitId);
        query.status = QueryParams.enumValue("status", status, PartyStatus.class);
        PartyQuery.Sort order = QueryParams.enumValue("sort", sort, PartyQuery.Sort.class);
        query.sort = order != null ? order : PartyQuery.Sort.ID;
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        query.customFields = QueryParams.customFieldFilters(uriInfo.getQueryParameters());
        return parties.search(query);
    }

    @POST
    @Path("{id}/relationships")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addRelationship(@PathParam("id") String id, PartyRelationshipDTO relationship) {
        return Response.status(Response.Status.CREATED).entity(parties.addRelationship(id, relationship)).build();
    }

    @GET
    @Path("{id}/relationships")
    public Page<PartyRelationshipDTO> relationships(@PathParam("id") String id) {
        return Responses.items(parties.relationships(id));
    }

    @POST
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addRole(@PathParam("id") String id, PartyRoleDTO role) {
        return Response.status(Response.Status.CREATED).entity(parties.addRole(id, role)).build();
    }

    @GET
    @Path("{id}/roles")
    public Page<PartyRoleDTO> roles(@PathParam("id") String id) {
        return Responses.items(parties.roles(id));
    }

    /** The party's timeline, newest first, merged from every installed module. */
    @GET
    @Path("{id}/timeline")
    public Page<TimelineEntryDTO> timeline(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return timelineService.timeline(id, QueryParams.text(cursor), QueryParams.limit(limit));
    }
}
