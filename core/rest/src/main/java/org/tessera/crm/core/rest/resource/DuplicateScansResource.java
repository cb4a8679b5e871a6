package org.tessera.crm.core.rest.resource;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.duplicate.DuplicateScanDTO;
import org.tessera.crm.core.api.duplicate.DuplicateScanService;
import org.tessera.crm.core.api.duplicate.DuplicateSetDTO;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * Batch duplicate scans: started (202, worked in the background), followed, and their duplicate
 * sets reviewed and dismissed. Administration of data quality, like the rules.
 */
@Component(service = DuplicateScansResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/duplicate-scans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "duplicates")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class DuplicateScansResource {
    /** What starts a scan: the party type to scan, or none for every type. */
    public static class ScanRequest {
        public String partyType;
    }

    private final DuplicateScanService scans;

    @Activate
    public DuplicateScansResource(@Reference DuplicateScanService scans) {
        this.scans = scans;
    }

    @Operation(summary = "Start a batch duplicate scan; 409 while another runs",
            responses = @ApiResponse(responseCode = "202", description = "Queued; follow the Location",
                    content = @Content(schema = @Schema(implementation = DuplicateScanDTO.class))))
    @RequiresPermission(CorePermissions.DUPLICATES_ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startDuplicateScan(ScanRequest request, @Context UriInfo uriInfo) {
        DuplicateScanDTO scan = scans.start(request == null ? null : request.partyType);
        URI location = uriInfo.getAbsolutePathBuilder().path(scan.id).build();
        return Response.accepted(scan).location(location).build();
    }

    @Operation(summary = "The duplicate scans, newest first", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true))
    @RequiresPermission(CorePermissions.DUPLICATES_ADMIN)
    @GET
    public Page<DuplicateScanDTO> listDuplicateScans(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return scans.list(QueryParams.limit(limit), QueryParams.text(cursor));
    }

    @Operation(summary = "A duplicate scan: its state and counts", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true))
    @RequiresPermission(CorePermissions.DUPLICATES_ADMIN)
    @GET
    @Path("{id}")
    public DuplicateScanDTO getDuplicateScan(@PathParam("id") String id) {
        return scans.find(id).orElseThrow(() -> new NotFoundException(DuplicateScanService.ENTITY_TYPE, id));
    }

    @Operation(summary = "The duplicate sets a scan found, strongest first; only sets whose parties are all in the caller's perimeter",
            responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true))
    @RequiresPermission(CorePermissions.DUPLICATES_ADMIN)
    @GET
    @Path("{id}/sets")
    public Page<DuplicateSetDTO> listDuplicateSets(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return scans.sets(id, QueryParams.enumValue("status", status, DuplicateSetDTO.Status.class), QueryParams.limit(limit),
                QueryParams.text(cursor));
    }

    @Operation(summary = "Dismiss a duplicate set: its pairs are not duplicates and are not proposed again",
            responses = @ApiResponse(responseCode = "200", description = "The dismissed set", useReturnTypeSchema = true))
    @RequiresPermission(CorePermissions.DUPLICATES_ADMIN)
    @POST
    @Path("{id}/sets/{setId}:dismiss")
    public DuplicateSetDTO dismissDuplicateSet(@PathParam("id") String id, @PathParam("setId") String setId) {
        return scans.dismiss(id, setId);
    }
}
