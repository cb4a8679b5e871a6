package org.tessera.crm.core.rest.resource;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
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
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.Problem;

/** Org units: the nodes of the org tree that own records. */
@Component(service = OrgUnitsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "org units")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class OrgUnitsResource {
    private final OrgService org;

    @Activate
    public OrgUnitsResource(@Reference OrgService org) {
        this.org = org;
    }

    @Operation(summary = "Create an org unit", responses = {
            @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = OrgUnitDTO.class)))})
    @RequiresPermission(CorePermissions.ORG_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createOrgUnit(OrgUnitDTO draft, @Context UriInfo uriInfo) {
        OrgUnitDTO created = org.createOrgUnit(draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @Operation(summary = "All org units", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.ORG_READ)
    @GET
    public Page<OrgUnitDTO> listOrgUnits() {
        return Responses.items(org.orgUnits());
    }

    @Operation(summary = "Read an org unit", responses = {
            @ApiResponse(responseCode = "200", description = "The org unit, with its ETag", content = @Content(schema = @Schema(implementation = OrgUnitDTO.class)))})
    @RequiresPermission(CorePermissions.ORG_READ)
    @GET
    @Path("{id}")
    public Response getOrgUnit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        OrgUnitDTO unit = org.findOrgUnit(id).orElseThrow(() -> new NotFoundException(EntityTypes.ORG_UNIT, id));
        return Responses.read(unit, unit.version, ifNoneMatch);
    }
}
