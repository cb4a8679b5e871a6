package org.tessera.crm.core.rest.resource;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.plan.ActionPlanDTO;
import org.tessera.crm.core.api.plan.ActionPlanService;
import org.tessera.crm.core.api.plan.ActionPlanTemplateDTO;
import org.tessera.crm.core.api.plan.LaunchPlanDTO;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * {@code /v1/action-plans}: templates of dated steps, and plans launched on records of any module.
 * A plan is a set of activities, so the activity permissions guard it.
 */
@Component(service = ActionPlansResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/action-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "action plans")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class ActionPlansResource {
    private final ActionPlanService plans;

    @Activate
    public ActionPlansResource(@Reference ActionPlanService plans) {
        this.plans = plans;
    }

    @Operation(summary = "Action plan templates")
    @RequiresPermission(CorePermissions.ACTIVITY_READ)
    @GET
    @Path("templates")
    public Page<ActionPlanTemplateDTO> templates() {
        return Responses.items(plans.templates());
    }

    @Operation(summary = "Create or replace an action plan template")
    @RequiresPermission(CorePermissions.ACTIVITY_WRITE)
    @PUT
    @Path("templates/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ActionPlanTemplateDTO putTemplate(@PathParam("code") String code, ActionPlanTemplateDTO template) {
        if (template == null) {
            throw new ValidationException(FieldError.required("code"));
        }
        template.code = code;
        return plans.putTemplate(template);
    }

    @Operation(summary = "Launch a plan on a record", responses = @ApiResponse(responseCode = "201", description = "The plan and its activities",
            content = @Content(schema = @Schema(implementation = ActionPlanDTO.class))))
    @RequiresPermission(CorePermissions.ACTIVITY_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response launch(LaunchPlanDTO launch, @Context UriInfo uriInfo) {
        if (launch == null) {
            throw new ValidationException(FieldError.required("templateCode"));
        }
        ActionPlanDTO plan = plans.launch(launch);
        return Responses.created(uriInfo, plan.id, plan.version, plan);
    }

    @Operation(summary = "The plans launched on a record (record=module:entity:id)")
    @RequiresPermission(CorePermissions.ACTIVITY_READ)
    @GET
    public Page<ActionPlanDTO> forRecord(@QueryParam("record") String record) {
        if (record == null || record.isBlank()) {
            throw new ValidationException(FieldError.required("record"));
        }
        return Responses.items(plans.forRecord(record));
    }

    @Operation(summary = "Read a plan and where its steps stand")
    @RequiresPermission(CorePermissions.ACTIVITY_READ)
    @GET
    @Path("{id}")
    public ActionPlanDTO get(@PathParam("id") String id) {
        return plans.get(id);
    }

    @Operation(summary = "Cancel a plan: its planned activities are cancelled")
    @RequiresPermission(CorePermissions.ACTIVITY_WRITE)
    @POST
    @Path("{id}/cancel")
    public ActionPlanDTO cancel(@PathParam("id") String id) {
        return plans.cancel(id);
    }
}
