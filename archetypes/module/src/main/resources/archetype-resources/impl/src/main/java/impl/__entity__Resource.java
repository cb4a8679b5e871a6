package ${package}.impl;

import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
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
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;
import ${package}.api.${entity}DTO;
import ${package}.api.${entity}Query;
import ${package}.api.${entity}Service;

/**
 * {@code /v1/${module}/${collection}}, in the module's {@link ${Module}Application}. Writes answer with
 * the record and its ETag; a {@code PATCH} is a JSON merge patch, checked against {@code If-Match}
 * when the client sends it. Errors are the core's problem responses (400, 404, 409, 412, 422).
 */
@Component(service = ${entity}Resource.class)
@JaxrsResource
@JaxrsApplicationSelect(${Module}Application.SELECT)
@JSONRequired
@Path("/${collection}")
@Produces(MediaType.APPLICATION_JSON)
public class ${entity}Resource {
    private final ${entity}Service service;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public ${entity}Resource(@Reference ${entity}Service service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(${Module}Permissions.${entityName.toUpperCase()}_WRITE)
    public Response create(${entity}DTO draft, @Context UriInfo uriInfo) {
        ${entity}DTO created = service.create(draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(${Module}Permissions.${entityName.toUpperCase()}_READ)
    public Page<${entity}DTO> list(@QueryParam("partyId") String partyId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        ${entity}Query query = new ${entity}Query();
        query.partyId = QueryParams.text(partyId);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(Set.copyOf(uriInfo.getQueryParameters().keySet()), () -> service.list(query));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(${Module}Permissions.${entityName.toUpperCase()}_READ)
    public Response read(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ${entity}DTO found = service.get(id);
        return Responses.read(found, found.version, ifNoneMatch);
    }

    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(${Module}Permissions.${entityName.toUpperCase()}_WRITE)
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        ${entity}DTO current = service.get(id);
        ${entity}DTO updated = service.update(id, expected != null ? expected : current.version,
                patcher.apply(current, patch, ${entity}DTO.class));
        return Responses.written(updated, updated.version);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(${Module}Permissions.${entityName.toUpperCase()}_WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
