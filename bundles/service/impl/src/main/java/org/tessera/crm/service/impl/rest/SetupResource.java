package org.tessera.crm.service.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.service.api.AssignmentRuleDTO;
import org.tessera.crm.service.api.DocumentTemplateDTO;
import org.tessera.crm.service.api.QueueDTO;
import org.tessera.crm.service.api.RequestTemplateDTO;
import org.tessera.crm.service.api.RequestTypeDTO;
import org.tessera.crm.service.api.ServiceSetup;
import org.tessera.crm.service.api.StatusDTO;
import org.tessera.crm.service.impl.ServicePermissions;
import org.tessera.crm.service.impl.request.RequestServiceImpl;

/** The module's configuration: {@code PUT} by code creates or replaces; reading needs only the read permission. */
@Component(service = SetupResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ServiceApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service setup")
public class SetupResource {
    private final ServiceSetup setup;
    private final RequestServiceImpl requests;

    @Activate
    public SetupResource(@Reference ServiceSetup setup, @Reference RequestServiceImpl requests) {
        this.setup = setup;
        this.requests = requests;
    }

    @GET
    @Path("statuses")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<StatusDTO> statuses() {
        return Responses.items(setup.statuses());
    }

    @PUT
    @Path("statuses/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.SETUP)
    public StatusDTO putStatus(@PathParam("code") String code, StatusDTO body) {
        required(body).code = code;
        return setup.putStatus(body);
    }

    @GET
    @Path("types")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<RequestTypeDTO> types() {
        return Responses.items(setup.types());
    }

    @PUT
    @Path("types/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.SETUP)
    public RequestTypeDTO putType(@PathParam("code") String code, RequestTypeDTO body) {
        required(body).code = code;
        return setup.putType(body);
    }

    @Operation(summary = "Queues; mine=true: the queues the caller's agent is a member of")
    @GET
    @Path("queues")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<QueueDTO> queues(@javax.ws.rs.QueryParam("mine") String mine) {
        return Responses.items("true".equals(mine) ? requests.myQueues() : setup.queues());
    }

    @PUT
    @Path("queues/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.SETUP)
    public QueueDTO putQueue(@PathParam("code") String code, QueueDTO body) {
        required(body).code = code;
        return setup.putQueue(body);
    }

    @GET
    @Path("assignment-rules")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<AssignmentRuleDTO> rules() {
        return Responses.items(setup.assignmentRules());
    }

    @Operation(summary = "Replace the ordered assignment rules (first match wins)")
    @PUT
    @Path("assignment-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.SETUP)
    public Page<AssignmentRuleDTO> putRules(List<AssignmentRuleDTO> body) {
        return Responses.items(setup.putAssignmentRules(required(body)));
    }

    @GET
    @Path("templates")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<RequestTemplateDTO> templates() {
        return Responses.items(setup.templates());
    }

    @PUT
    @Path("templates/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.SETUP)
    public RequestTemplateDTO putTemplate(@PathParam("code") String code, RequestTemplateDTO body) {
        required(body).code = code;
        return setup.putTemplate(body);
    }

    @GET
    @Path("document-templates")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<DocumentTemplateDTO> documentTemplates() {
        return Responses.items(setup.documentTemplates());
    }

    @PUT
    @Path("document-templates/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.SETUP)
    public DocumentTemplateDTO putDocumentTemplate(@PathParam("code") String code, DocumentTemplateDTO body) {
        required(body).code = code;
        return setup.putDocumentTemplate(body);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new ValidationException(FieldError.required("body"));
        }
        return body;
    }
}
