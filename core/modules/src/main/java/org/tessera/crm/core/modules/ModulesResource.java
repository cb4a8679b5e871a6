package org.tessera.crm.core.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

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
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * {@code /v1/modules}: the installed modules (and those that could be), and their lifecycle for administrators. Every
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
    private final ModuleCatalog catalog;
    private final ModuleCluster cluster;
    static final String INCLUDE_AVAILABLE = "available";

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
    public ModulesResource(@Reference ModuleRegistry registry, @Reference ModuleLifecycle lifecycle,
            @Reference ModuleCatalog catalog, @Reference ModuleCluster cluster) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.cluster = cluster;
    }

    /**
     * The installed modules; with {@code include=available}, followed by the modules that could be
     * installed (state {@code AVAILABLE}, see {@link ModuleCatalog}), so a console shows both in one read.
     * Each with its desired state and what every node sharing the database observed of it.
     */
    @Operation(summary = "The installed modules; with include=available, also those that can be installed (state AVAILABLE)",
            description = "Each module carries its desired state (desiredState, desiredVersion: what the administrators asked for"
                    + " through /v1/modules, which every node converges to) and, in nodes, each node's state of it (INSTALLED,"
                    + " UNINSTALLED, FAILED with a detail, DRIFTED, LOCAL_ONLY) with the node's last heartbeat")
    @GET
    @RequiresPermission(ModulePermissions.READ)
    public Page<ModuleDTO> modules(@Parameter(description = "available: list the installable modules too",
            schema = @Schema(type = "string", allowableValues = INCLUDE_AVAILABLE)) @QueryParam("include") String include) {
        List<ModuleDTO> modules = new ArrayList<>(registry.modules());
        if (includesAvailable(include)) {
            modules.addAll(catalog.available());
        }
        cluster.describe(modules);
        return Responses.items(modules);
    }

    /** {@code include}: absent, or {@value #INCLUDE_AVAILABLE}; anything else is a 400 naming it. */
    static boolean includesAvailable(String include) {
        String value = QueryParams.text(include);
        if (value == null) {
            return false;
        }
        if (INCLUDE_AVAILABLE.equals(value.toLowerCase(Locale.ROOT))) {
            return true;
        }
        throw ProblemException.badParameter("include", "must be " + INCLUDE_AVAILABLE);
    }

    @Operation(summary = "An installed module, with its desired state and each node's state of it")
    @GET
    @Path("{name}")
    @RequiresPermission(ModulePermissions.READ)
    public ModuleDTO module(@PathParam("name") String name) {
        ModuleDTO module = registry.module(name).orElseThrow(() -> new NotFoundException(ModuleOperationAudit.ENTITY_TYPE, name));
        cluster.describe(List.of(module));
        return module;
    }

    @Operation(summary = "Installs the module here, then on every node sharing the database (its desired state)")
    @POST
    @Path("{name}/install")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulePermissions.ADMIN)
    public ModuleDTO install(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        requireJson(contentType);
        lifecycle.install(name);
        return module(name);
    }

    @Operation(summary = "Uninstalls the module here, then on every node sharing the database (its desired state); its data stay")
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

    @Operation(summary = "Updates the module's bundles here, then on every node sharing the database (its desired state)")
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
