package org.tessera.crm.sales.impl.rest;

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
import org.tessera.crm.sales.api.PipelineDTO;
import org.tessera.crm.sales.api.PipelineService;

/** Pipeline definitions and their stages. */
@Component(service = PipelinesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@JSONRequired
@Path("/pipelines")
@Produces(MediaType.APPLICATION_JSON)
public class PipelinesResource {
    private final PipelineService pipelines;

    @Activate
    public PipelinesResource(@Reference PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @GET
    @RequiresPermission(SalesPermissions.PIPELINE_READ)
    public Page<PipelineDTO> listPipelines() {
        return Responses.items(pipelines.pipelines());
    }

    @GET
    @Path("{id}")
    @RequiresPermission(SalesPermissions.PIPELINE_READ)
    public Response getPipeline(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PipelineDTO pipeline = pipelines.get(id);
        return Responses.read(pipeline, pipeline.version, ifNoneMatch);
    }

    /** Full replace of the name and stages; If-Match is required. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.PIPELINE_WRITE)
    public Response replacePipeline(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PipelineDTO desired) {
        PipelineDTO updated = pipelines.update(id, EntityTags.requiredVersion(ifMatch), desired == null ? new PipelineDTO() : desired);
        return Responses.written(updated, updated.version);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.PIPELINE_WRITE)
    public Response createPipeline(PipelineDTO draft, @Context UriInfo uriInfo) {
        PipelineDTO created = pipelines.create(draft == null ? new PipelineDTO() : draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }
}
