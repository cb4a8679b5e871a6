package org.tessera.crm.examples.dealer.impl;

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
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.examples.dealer.api.TestDriveDTO;
import org.tessera.crm.examples.dealer.api.VehicleDTO;
import org.tessera.crm.examples.dealer.api.VehicleService;

/**
 * {@code /v1/dealer/vehicles}: the pack's resources, in its {@link DealerApplication}.
 */
@Component(service = VehiclesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(DealerApplication.SELECT)
@JSONRequired
@Path("/vehicles")
@Produces(MediaType.APPLICATION_JSON)
public class VehiclesResource {
    private final VehicleService vehicles;
    private final ActivityService activities;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public VehiclesResource(@Reference VehicleService vehicles, @Reference ActivityService activities) {
        this.vehicles = vehicles;
        this.activities = activities;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(DealerPermissions.VEHICLE_WRITE)
    public Response createVehicle(VehicleDTO draft, @Context UriInfo uriInfo) {
        VehicleDTO created = vehicles.create(draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    /** The vehicles of one owner: {@code ownerPartyId} is required. */
    @GET
    @RequiresPermission(DealerPermissions.VEHICLE_READ)
    public Page<VehicleDTO> vehiclesOf(@QueryParam("ownerPartyId") String ownerPartyId) {
        if (QueryParams.text(ownerPartyId) == null) {
            throw new ValidationException(FieldError.required("ownerPartyId"));
        }
        return Responses.items(vehicles.ownedBy(ownerPartyId));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(DealerPermissions.VEHICLE_READ)
    public Response getVehicle(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        VehicleDTO vehicle = vehicles.get(id);
        return Responses.read(vehicle, vehicle.version, ifNoneMatch);
    }

    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(DealerPermissions.VEHICLE_WRITE)
    public Response patchVehicle(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        VehicleDTO current = vehicles.get(id);
        VehicleDTO updated = vehicles.update(id, expected != null ? expected : current.version,
                patcher.apply(current, patch, VehicleDTO.class));
        return Responses.written(updated, updated.version);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(DealerPermissions.VEHICLE_WRITE)
    public Response deleteVehicle(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        vehicles.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    /** Records a test drive: a core activity linked to the vehicle, visible in the driver's timeline. */
    @POST
    @Path("{id}/test-drives")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(DealerPermissions.VEHICLE_WRITE)
    public Response recordTestDrive(@PathParam("id") String id, TestDriveDTO testDrive, @Context UriInfo uriInfo) {
        ActivityDTO activity = vehicles.recordTestDrive(id, testDrive);
        return Response.created(uriInfo.getBaseUriBuilder() // the activity lives in the core's application
                .replacePath(TesseraApi.APPLICATION_BASE).path(TesseraApi.VERSION_PATH).path("activities")
                .path(activity.id).build()).header(HttpHeaders.ETAG, EntityTags.of(activity.version)).entity(activity).build();
    }

    @GET
    @Path("{id}/test-drives")
    @RequiresPermission(DealerPermissions.VEHICLE_READ)
    public Page<ActivityDTO> testDrives(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        vehicles.get(id); // 404 when the vehicle is unknown or out of scope
        ActivityQuery query = new ActivityQuery();
        query.link = VehicleService.link(id);
        query.type = VehicleService.TEST_DRIVE;
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(Set.copyOf(uriInfo.getQueryParameters().keySet()), () -> activities.search(query));
    }
}
