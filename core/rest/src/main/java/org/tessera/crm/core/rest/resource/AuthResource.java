package org.tessera.crm.core.rest.resource;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
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
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.rest.security.TokenService;

/** Bearer tokens, and who the caller is. */
@Component(service = AuthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class AuthResource {
    private final TokenService tokens;
    private final CallerContext callers;

    @Activate
    public AuthResource(@Reference TokenService tokens, @Reference CallerContext callers) {
        this.tokens = tokens;
        this.callers = callers;
    }

    /** Only a password (HTTP Basic) buys a token, so that a stolen token cannot renew itself. */
    @Operation(summary = "A signed, expiring bearer token for the caller (HTTP Basic required)", responses = @ApiResponse(responseCode = "200",
            description = "{\"access_token\": ..., \"token_type\": \"Bearer\", \"expires_in\": seconds}"))
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    @POST
    @Path("token")
    public Map<String, Object> issueToken(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ProblemException(new Problem("urn:tessera:problem:forbidden", "Forbidden", 403,
                    "a token is issued against a login and password (HTTP Basic) only"));
        }
        Caller caller = callers.current().orElseThrow();
        Instant expiry = tokens.expiry();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(caller.login(), caller.roles()));
        body.put("token_type", "Bearer");
        body.put("expires_in", Duration.between(Instant.now(), expiry).toSeconds());
        return body;
    }

    @Operation(summary = "The caller: login, roles, permissions and org unit", responses = @ApiResponse(responseCode = "200", description = "OK"))
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    @GET
    @Path("me")
    public Map<String, Object> me() {
        Caller caller = callers.current().orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("login", caller.login());
        body.put("roles", caller.roles());
        body.put("permissions", new java.util.TreeSet<>(caller.permissions()));
        body.put("orgUnitId", caller.orgUnitId());
        return body;
    }
}
