package org.tessera.crm.core.rest.resource;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.customfield.PicklistDTO;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.Problem;

/** Picklists (managed lists of values), by key. */
@Component(service = PicklistsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/picklists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "picklists")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class PicklistsResource {
    private final CustomFieldService customFields;

    @Activate
    public PicklistsResource(@Reference CustomFieldService customFields) {
        this.customFields = customFields;
    }

    @Operation(summary = "Create a picklist", responses = {
            @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PicklistDTO.class)))})
    @RequiresPermission(CorePermissions.CUSTOM_FIELD_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPicklist(PicklistDTO picklist, @Context UriInfo uriInfo) {
        PicklistDTO created = customFields.createPicklist(picklist);
        return Responses.created(uriInfo, created.key, created.version, created);
    }

    @Operation(summary = "All picklists", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.CUSTOM_FIELD_READ)
    @GET
    public Page<PicklistDTO> listPicklists() {
        return Responses.items(customFields.picklists());
    }

    @Operation(summary = "Read a picklist", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.CUSTOM_FIELD_READ)
    @GET
    @Path("{key}")
    public PicklistDTO getPicklist(@PathParam("key") String key) {
        return customFields.picklist(key).orElseThrow(() -> new NotFoundException(EntityTypes.PICKLIST, key));
    }
}
