package org.tessera.crm.core.ui.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * {@code GET /v1/ui/extensions}: the UIs of the active modules, as the shell loads them — each
 * module's entry and base URL, messages, routes and overview sections, and the menu entries and
 * party actions the caller holds the permission of. The shell polls it; its entity tag is the
 * {@code revision} of the answer, which changes when a module's UI comes, goes or is rebuilt (and
 * when the caller's permissions change), so a poll that changes nothing is a bodiless 304.
 */
@Component(service = UiExtensionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/ui/extensions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ui")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class UiExtensionsResource {
    /** Where module UIs are served, as the shell requests them. */
    static final String UI_BASE = "/tessera/ui/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final UiModules modules;
    private final CallerContext callers;

    @Activate
    public UiExtensionsResource(@Reference UiModules modules, @Reference CallerContext callers) {
        this.modules = modules;
        this.callers = callers;
    }

    @Operation(summary = "The web UIs of the active modules, with the menu entries and party actions the caller may use",
            responses = {
                @ApiResponse(responseCode = "200", description = "{\"items\": [{\"module\", \"version\", \"state\", \"entry\", \"base\","
                        + " \"messages\", \"menu\", \"routes\", \"overviewSections\", \"partyActions\"}], \"revision\"}; ETag = revision"),
                @ApiResponse(responseCode = "304", description = "If-None-Match holds the current revision")})
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    @GET
    public Response extensions(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Caller caller = callers.current().orElseThrow();
        UiModules.Snapshot snapshot = modules.snapshot();
        String revision = snapshot.revision() + "." + fingerprint(caller);
        EntityTag tag = new EntityTag(revision);
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        cache.setPrivate(true);
        if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build();
        }
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (UiModule module : snapshot.byModule().values()) {
            items.add(item(module, caller));
        }
        body.put("revision", revision);
        return Response.ok(body).tag(tag).cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build();
    }

    private static ObjectNode item(UiModule module, Caller caller) {
        UiDescriptor descriptor = module.descriptor();
        String base = UI_BASE + descriptor.module() + "/";
        ObjectNode item = MAPPER.createObjectNode();
        item.put("module", descriptor.module());
        item.put("version", module.bundle().getVersion().toString());
        item.put("state", "ACTIVE");
        item.put("entry", base + descriptor.entry() + "?v=" + module.lastModified());
        item.put("base", base);
        item.set("messages", descriptor.messages().deepCopy());
        item.set("menu", permitted(descriptor.menu(), caller));
        item.set("routes", copies(descriptor.routes()));
        item.set("overviewSections", copies(descriptor.overviewSections()));
        item.set("partyActions", permitted(descriptor.partyActions(), caller));
        return item;
    }

    /** The entries that name no permission, or one the caller holds. */
    private static ArrayNode permitted(List<ObjectNode> entries, Caller caller) {
        ArrayNode permitted = MAPPER.createArrayNode();
        for (ObjectNode entry : entries) {
            String permission = entry.path(UiDescriptor.PERMISSION).asText(null);
            if (permission == null || caller.hasPermission(permission)) {
                permitted.add(entry.deepCopy());
            }
        }
        return permitted;
    }

    private static ArrayNode copies(List<ObjectNode> entries) {
        ArrayNode copies = MAPPER.createArrayNode();
        entries.forEach(entry -> copies.add(entry.deepCopy()));
        return copies;
    }

    /** The caller's permissions, digested: the answer depends on them, so its entity tag does too. */
    static String fingerprint(Caller caller) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((caller.isSystem() ? "*system*" : String.join(",", new TreeSet<>(caller.permissions())))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean matches(String ifNoneMatch, EntityTag tag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
