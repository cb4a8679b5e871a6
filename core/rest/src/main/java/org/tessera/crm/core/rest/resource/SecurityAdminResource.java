package org.tessera.crm.core.rest.resource;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.api.security.RoleService;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.rest.security.TokenService;

/** Roles, the permissions of the installed modules, and disabled logins. */
@Component(service = SecurityAdminResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/security")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "security")
@RequiresPermission(CorePermissions.SECURITY_ADMIN)
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class SecurityAdminResource {
    /** The body of a role: the permissions it grants. */
    public static class RoleGrant {
        public Set<String> permissions = new LinkedHashSet<>();
    }

    /** The body of a login's state. */
    public static class LoginState {
        public boolean disabled;
    }

    /** The body of a key rotation: nothing to say, but a JSON object, so that no stray POST rotates the key. */
    public static class KeyRotation {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SecurityAdminResource.class);

    private final RoleService roles;
    private final TokenService tokens;
    private final CallerContext callers;

    @Activate
    public SecurityAdminResource(@Reference RoleService roles, @Reference TokenService tokens, @Reference CallerContext callers) {
        this.roles = roles;
        this.tokens = tokens;
        this.callers = callers;
    }

    @Operation(summary = "Replaces the bearer token signing key, without a restart: every token issued before is refused from now on"
            + " (by the other nodes within 5 s)",
            responses = @ApiResponse(responseCode = "200", description = "The new key's id, {\"kid\": ...}"))
    @POST
    @Path("token-key/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> rotateTokenKey(KeyRotation request) {
        String kid = tokens.rotate();
        LOG.warn("Token signing key rotated by {}: key id {}", callers.currentLogin(), kid);
        return Map.of("kid", kid);
    }

    @Operation(summary = "The permissions declared by the installed modules, by module", responses = @ApiResponse(responseCode = "200", description = "OK"))
    @GET
    @Path("permissions")
    public Map<String, Set<String>> listPermissions() {
        return roles.declaredPermissions();
    }

    @Operation(summary = "Every role with the permissions it grants", responses = @ApiResponse(responseCode = "200", description = "OK"))
    @GET
    @Path("roles")
    public Map<String, Set<String>> listRoles() {
        return roles.roles();
    }

    @Operation(summary = "Create or replace a role (only permissions of installed modules)", responses = @ApiResponse(responseCode = "204", description = "Stored"))
    @PUT
    @Path("roles/{role}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putRole(@PathParam("role") String role, RoleGrant grant) {
        roles.grant(role, grant == null ? Set.of() : grant.permissions);
        return Response.noContent().build();
    }

    @Operation(summary = "Remove a role", responses = @ApiResponse(responseCode = "204", description = "Removed"))
    @DELETE
    @Path("roles/{role}")
    public Response deleteRole(@PathParam("role") String role) {
        roles.remove(role);
        return Response.noContent().build();
    }

    @Operation(summary = "Disable or re-enable a login: its passwords and tokens are refused while disabled",
            responses = @ApiResponse(responseCode = "204", description = "Stored"))
    @PUT
    @Path("logins/{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putLoginState(@PathParam("login") String login, LoginState state) {
        roles.setDisabled(login, state != null && state.disabled);
        return Response.noContent().build();
    }
}
