package org.tessera.crm.core.rest.resource;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

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
import org.tessera.crm.core.api.merge.MergeResultDTO;
import org.tessera.crm.core.api.merge.MergeService;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.TesseraApi;

/** The merge log: a merge as logged, and its undo ({@code POST /v1/merges/{id}:undo}). */
@Component(service = MergesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/merges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "parties")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class MergesResource {
    private final MergeService merges;

    @Activate
    public MergesResource(@Reference MergeService merges) {
        this.merges = merges;
    }

    @Operation(summary = "A merge: survivor, victims, every moved record per module, and whether it was undone",
            responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true))
    @RequiresPermission(CorePermissions.PARTY_MERGE)
    @GET
    @Path("{id}")
    public MergeResultDTO getMerge(@PathParam("id") String id) {
        return merges.find(id).orElseThrow(() -> new NotFoundException("MERGE", id));
    }

    @Operation(summary = "Undo a merge within the undo window: the victims come back and every moved record returns to its party",
            responses = @ApiResponse(responseCode = "200", description = "The merge, undone", useReturnTypeSchema = true))
    @RequiresPermission(CorePermissions.PARTY_MERGE)
    @POST
    @Path("{id}:undo")
    public MergeResultDTO undoMerge(@PathParam("id") String id) {
        return merges.undo(id);
    }
}
