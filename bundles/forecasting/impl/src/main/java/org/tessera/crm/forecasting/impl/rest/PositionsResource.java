package org.tessera.crm.forecasting.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.forecasting.api.ForecastSetupService;
import org.tessera.crm.forecasting.api.PositionDTO;
import org.tessera.crm.forecasting.impl.service.ForecastingPermissions;

/** The forecast hierarchy: the positions the caller sees (their own and those below it); org administrators write it. */
@Component(service = PositionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ForecastingApplication.SELECT)
@JSONRequired
@Path("/positions")
@Produces(MediaType.APPLICATION_JSON)
public class PositionsResource {
    private final ForecastSetupService setup;

    @Activate
    public PositionsResource(@Reference ForecastSetupService setup) {
        this.setup = setup;
    }

    @GET
    @RequiresPermission(ForecastingPermissions.READ)
    public Page<PositionDTO> listPositions() {
        return Responses.items(setup.positions());
    }

    @GET
    @Path("me")
    @RequiresPermission(ForecastingPermissions.READ)
    public PositionDTO myPosition() {
        return setup.myPosition();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ForecastingPermissions.READ)
    public Response getPosition(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PositionDTO position = setup.position(id);
        return Responses.read(position, position.version, ifNoneMatch);
    }

    /** Positions are part of the org structure: whoever may change org units and agents sets them. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(CorePermissions.ORG_WRITE)
    public Response createPosition(PositionDTO draft, @Context UriInfo uriInfo) {
        PositionDTO created = setup.createPosition(draft == null ? new PositionDTO() : draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    /** Replaces the writable fields; {@code If-Match} is required, as for every whole-record write (428 without). */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(CorePermissions.ORG_WRITE)
    public Response replacePosition(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PositionDTO desired) {
        PositionDTO updated = setup.updatePosition(id, EntityTags.requiredVersion(ifMatch), desired == null ? new PositionDTO() : desired);
        return Responses.written(updated, updated.version);
    }

    /** Refused (409, listing them) while records refer to the position. {@code If-Match} is honoured when given. */
    @DELETE
    @Path("{id}")
    @RequiresPermission(CorePermissions.ORG_WRITE)
    public Response deletePosition(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        setup.deletePosition(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
