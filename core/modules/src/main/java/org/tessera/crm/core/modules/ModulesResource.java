package org.tessera.crm.core.modules;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.module.ModuleDTO;
import org.tessera.crm.core.api.module.ModuleRegistry;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * {@code /v1/modules}: the installed modules, and their lifecycle for administrators. Every
 * operation answers the module as it is afterwards (or 404 once it is gone). An operation is a
 * JSON request: another content type, or none, is a 415 (a cross-site form post cannot send one).
 */
@Component(service = ModulesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {
    private final ModuleRegistry registry;
    private final ModuleLifecycle lifecycle;

    /** Body of a purge: the module's name again, as the operator's confirmation. */
    public static class PurgeRequest {
        public String confirm;
    }

    /** Answer of a purge: the module and the database objects dropped with their rows. */
    public static class PurgeResult {
        public String module;
        public List<String> dropped;

        PurgeResult(String module, List<String> dropped) {
            this.module = module;
            this.dropped = dropped;
        }
    }

    /** Body of an update: the bundle to replace and the location of its new build, both optional. */
    public static class UpdateRequest {
        public String bundle;
        public String location;
    }

    @Activate
    public ModulesResource(@Reference ModuleRegistry registry, @Reference ModuleLifecycle lifecycle) {
        this.registry = registry;
        this.lifecycle = lifecycle;
    }

    @GET
    @RequiresPermission(ModulePermissions.READ)
    public Page<ModuleDTO> modules() {
        return Responses.items(registry.modules());
    }

    @GET
    @Path("{name}")
    @RequiresPermission(ModulePermissions.READ)
    public ModuleDTO module(@PathParam("name") String name) {
        return registry.module(name).orElseThrow(() -> new NotFoundException(ModuleOperationAudit.ENTITY_TYPE, name));
    }

    @POST
    @Path("{name}/install")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulePermissions.ADMIN)
    public ModuleDTO install(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        requireJson(contentType);
        lifecycle.install(name);
        return module(name);
    }

    @POST
    @Path("{name}/uninstall")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulePermissions.ADMIN)
    public javax.ws.rs.core.Response uninstall(@PathParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        requireJson(contentType);
        lifecycle.uninstall(name);
        return javax.ws.rs.core.Response.noContent().build();
    }

    @POST
    @Path("{name}/update")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulePermissions.ADMIN)
    public ModuleDTO update(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            UpdateRequest request) {
        requireJson(contentType);
        UpdateRequest body = request == null ? new UpdateRequest() : request;
        lifecycle.update(name, body.bundle, body.location);
        return module(name);
    }

    /**
     * Drops an uninstalled module's tables and rows, irreversibly, once the body repeats the
     * module's name ({@code {"confirm": "<name>"}}; 422 naming {@code confirm} otherwise). Refused
     * (409) while the module is installed, and for the core.
     */
    @POST
    @Path("{name}/purge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulePermissions.ADMIN)
    public PurgeResult purge(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            PurgeRequest request) {
        requireJson(contentType);
        return new PurgeResult(name, lifecycle.purge(name, request == null ? null : request.confirm));
    }

    /** {@code @Consumes} lets a request without a Content-Type through; an operation needs it said. */
    private static void requireJson(String contentType) {
        try {
            if (contentType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType))) {
                return;
            }
        } catch (IllegalArgumentException malformed) {
            // refused below like any other type
        }
        throw new NotSupportedException();
    }
}
