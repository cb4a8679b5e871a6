package org.tessera.crm.core.rest.resource;

import javax.ws.rs.GET;
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
import org.tessera.crm.core.api.overview.OverviewService;
import org.tessera.crm.core.api.overview.PartyOverviewDTO;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * A party's 360° overview. A root resource of its own, at the full path: JAX-RS picks the root
 * whose template matches the request with the most literal characters, so this one takes
 * {@code /v1/parties/{id}/overview} and every other party path stays with {@link PartiesResource}.
 */
@Component(service = PartyOverviewResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/parties/{id}/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "parties")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class PartyOverviewResource {
    private final OverviewService overview;

    @Activate
    public PartyOverviewResource(@Reference OverviewService overview) {
        this.overview = overview;
    }

    @Operation(summary = "The party's 360° overview: key facts and one section per installed module",
            description = "Sections are computed in parallel, each within a time budget; a section that is late or fails has the "
                    + "status TIMEOUT or ERROR and no content. A section is present only when the caller has its module's read "
                    + "permission. 404 when the party does not exist or is outside the caller's perimeter.",
            responses = @ApiResponse(responseCode = "200", description = "OK",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartyOverviewDTO.class))))
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    public PartyOverviewDTO getPartyOverview(@PathParam("id") String id) {
        return overview.overview(id);
    }
}
