package org.tessera.crm.marketing.impl.rest;

import java.util.List;
import java.util.Map;

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
import org.tessera.crm.core.api.spi.PartyFactDTO;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.marketing.api.SegmentDTO;
import org.tessera.crm.marketing.impl.service.MarketingPermissions;
import org.tessera.crm.marketing.impl.service.Segments;

/** {@code /v1/marketing/segments}: saved criteria or lists, their count, their parties, and the facts modules contribute. */
@Component(service = SegmentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(MarketingApplication.SELECT)
@JSONRequired
@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentsResource {
    private final Segments segments;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public SegmentsResource(@Reference Segments segments) {
        this.segments = segments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.SEGMENT_WRITE)
    public Response create(SegmentDTO draft, @Context UriInfo uriInfo) {
        SegmentDTO created = segments.create(Bodies.required(draft));
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(MarketingPermissions.SEGMENT_READ)
    public Page<SegmentDTO> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        int max = QueryParams.limit(limit);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> segments.list(max, QueryParams.text(cursor)));
    }

    @GET
    @Path("facts")
    @RequiresPermission(MarketingPermissions.SEGMENT_READ)
    public Page<PartyFactDTO> facts() {
        return Responses.items(segments.facts());
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.SEGMENT_READ)
    public Map<String, Object> preview(Requests.Criteria body) {
        return Map.of("count", segments.preview(Bodies.required(body).criteria));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(MarketingPermissions.SEGMENT_READ)
    public Response read(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        SegmentDTO found = segments.get(id);
        return Responses.read(found, found.version, ifNoneMatch);
    }

    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(MarketingPermissions.SEGMENT_WRITE)
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        SegmentDTO current = segments.get(id);
        SegmentDTO updated = segments.update(id, expected != null ? expected : current.version,
                patcher.apply(current, Bodies.required(patch), SegmentDTO.class));
        return Responses.written(updated, updated.version);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(MarketingPermissions.SEGMENT_WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        segments.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/count")
    @RequiresPermission(MarketingPermissions.SEGMENT_READ)
    public Map<String, Object> count(@PathParam("id") String id) {
        return Map.of("count", segments.count(id));
    }

    @GET
    @Path("{id}/parties")
    @RequiresPermission(MarketingPermissions.SEGMENT_READ)
    public Page<Map<String, Object>> parties(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        int max = QueryParams.limit(limit);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> segments.parties(id, max, QueryParams.text(cursor)));
    }

    @PUT
    @Path("{id}/list")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.SEGMENT_WRITE)
    public Map<String, Object> replaceList(@PathParam("id") String id, Requests.PartyList body) {
        List<String> ids = Bodies.required(body).partyIds;
        return Map.of("parties", segments.replaceList(id, ids));
    }
}
