package org.tessera.crm.core.rest.resource;

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
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.Problem;

/** Custom field definitions, by entity type and key. */
@Component(service = CustomFieldsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/custom-fields")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "custom fields")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class CustomFieldsResource {
    private final CustomFieldService customFields;

    @Activate
    public CustomFieldsResource(@Reference CustomFieldService customFields) {
        this.customFields = customFields;
    }

    @Operation(summary = "Define a custom field", responses = {
            @ApiResponse(responseCode = "201", description = "Defined", content = @Content(schema = @Schema(implementation = CustomFieldDefinitionDTO.class)))})
    @RequiresPermission(CorePermissions.CUSTOM_FIELD_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response defineCustomField(CustomFieldDefinitionDTO definition, @Context UriInfo uriInfo) {
        CustomFieldDefinitionDTO defined = customFields.define(definition);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(defined.entityType).path(defined.key).build())
                .entity(defined).build();
    }

    /** Definitions of one entity type, or of all when {@code entityType} is absent. */
    @Operation(summary = "Custom field definitions, of one entity type or all", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.CUSTOM_FIELD_READ)
    @GET
    public Page<CustomFieldDefinitionDTO> listCustomFields(@QueryParam("entityType") String entityType) {
        return Responses.items(customFields.definitions(QueryParams.text(entityType)));
    }

    @Operation(summary = "Read a custom field definition", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.CUSTOM_FIELD_READ)
    @GET
    @Path("{entityType}/{key}")
    public CustomFieldDefinitionDTO getCustomField(@PathParam("entityType") String entityType, @PathParam("key") String key) {
        return customFields.definition(entityType, key)
                .orElseThrow(() -> new NotFoundException(EntityTypes.CUSTOM_FIELD, entityType + "/" + key));
    }
}
