package org.tessera.crm.core.rest.resource;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

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
import org.tessera.crm.core.api.duplicate.DuplicateRuleDTO;
import org.tessera.crm.core.api.duplicate.DuplicateRuleService;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;

/** The duplicate rules of parties, by key: listed, read, created or replaced by PUT, deleted. */
@Component(service = DuplicateRulesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/duplicate-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "duplicates")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class DuplicateRulesResource {
    private final DuplicateRuleService rules;

    @Activate
    public DuplicateRulesResource(@Reference DuplicateRuleService rules) {
        this.rules = rules;
    }

    @Operation(summary = "Every duplicate rule", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true))
    @RequiresPermission(CorePermissions.DUPLICATES_ADMIN)
    @GET
    public Page<DuplicateRuleDTO> listDuplicateRules() {
        return Responses.items(rules.list());
    }

    @Operation(summary = "A duplicate rule", responses = @ApiResponse(responseCode = "200", description = "The rule, with its ETag",
            content = @Content(schema = @Schema(implementation = DuplicateRuleDTO.class))))
    @RequiresPermission(CorePermissions.DUPLICATES_ADMIN)
    @GET
    @Path("{key}")
    public Response getDuplicateRule(@PathParam("key") String key) {
        DuplicateRuleDTO rule = rules.find(key).orElseThrow(() -> new NotFoundException(EntityTypes.DUPLICATE_RULE, key));
        return Responses.written(rule, rule.version);
    }

    @Operation(summary = "Create or replace a duplicate rule (If-Match optional); the matching keys of every party are rebuilt",
            responses = @ApiResponse(responseCode = "200", description = "The stored rule, with its ETag",
                    content = @Content(schema = @Schema(implementation = DuplicateRuleDTO.class))))
    @RequiresPermission(CorePermissions.DUPLICATES_ADMIN)
    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putDuplicateRule(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, DuplicateRuleDTO rule) {
        DuplicateRuleDTO stored = rules.put(key, EntityTags.expectedVersion(ifMatch), rule);
        return Responses.written(stored, stored.version);
    }

    @Operation(summary = "Delete a duplicate rule", responses = @ApiResponse(responseCode = "204", description = "Deleted"))
    @RequiresPermission(CorePermissions.DUPLICATES_ADMIN)
    @DELETE
    @Path("{key}")
    public Response deleteDuplicateRule(@PathParam("key") String key) {
        rules.delete(key);
        return Response.noContent().build();
    }
}
