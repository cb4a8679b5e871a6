package org.tessera.crm.core.rest.resource;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.tessera.crm.core.api.event.ChangeFeed;
import org.tessera.crm.core.api.event.ChangePage;
import org.tessera.crm.core.api.event.ChangeQuery;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The change feed: what changed, in order, for a system that stays in sync without polling the
 * lists. Each change names the fields that changed, never their values.
 */
@Component(service = ChangesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "changes")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class ChangesResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    static final int MAX_WAIT = 30;

    private final ChangeFeed feed;

    @Activate
    public ChangesResource(@Reference ChangeFeed feed) {
        this.feed = feed;
    }

    @Operation(summary = "Changes after a cursor, oldest first; 410 when the cursor is older than the retention",
            responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.CHANGES_READ)
    @GET
    public ChangePage changes(
            @Parameter(description = "the 'next' of the previous page; 'now' for the head; absent for the oldest change kept")
            @QueryParam("since") String since,
            @Parameter(description = "comma-separated feed types: party, activity, <module>.<entity>") @QueryParam("types") List<String> types,
            @Parameter(description = "changes per page, 1 to 1000 (100)") @QueryParam("limit") String limit,
            @Parameter(description = "seconds to wait for a change when none follows the cursor, 0 to 30 (0)") @QueryParam("wait") String wait,
            @Context UriInfo uriInfo) {
        ChangeQuery query = new ChangeQuery();
        query.since = QueryParams.text(since);
        query.types = types(types);
        query.limit = integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        query.waitSeconds = integer("wait", wait, 0, 0, MAX_WAIT);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> feed.read(query));
    }

    private static Set<String> types(List<String> values) {
        Set<String> types = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            Arrays.stream(value.split(",")).map(String::strip).filter(type -> !type.isEmpty()).forEach(types::add);
        }
        return types;
    }

    private static int integer(String name, String raw, int absent, int min, int max) {
        String value = QueryParams.text(raw);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        throw ProblemException.badParameter(name, "must be an integer from " + min + " to " + max);
    }
}
