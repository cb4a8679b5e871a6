package org.tessera.crm.core.rest.resource;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.event.ChangeFeed;
import org.tessera.crm.core.api.event.ChangePage;
import org.tessera.crm.core.api.event.ChangeQuery;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The change feed: what changed, in order, for a system that stays in sync without polling the
 * lists. Each change names the fields that changed, never their values. A client that accepts
 * {@code text/event-stream} (and not JSON first) gets the feed as server-sent events instead of
 * a page ({@link ChangeStream}).
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
    static final int DEFAULT_HEARTBEAT = 15;
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final ChangeFeed feed;
    private final CallerContext callers;
    private final ObjectMapper mapper = ObjectMappers.create();
    private final Set<ChangeStream> streams = ChangeStream.registry();

    @Activate
    public ChangesResource(@Reference ChangeFeed feed, @Reference CallerContext callers) {
        this.feed = feed;
        this.callers = callers;
    }

    /** Ends the open streams, so that a stopping bundle leaves no request waiting on a feed that is going away. */
    @Deactivate
    void closeStreams() {
        streams.forEach(ChangeStream::close);
    }

    @Operation(summary = "Changes after a cursor, oldest first; 410 when the cursor is older than the retention",
            description = "With Accept: text/event-stream, the changes as server-sent events: event 'change' with the change as"
                    + " JSON data and its cursor as id (send it back as Last-Event-ID to resume), a ': heartbeat' comment after"
                    + " each quiet interval (heartbeat seconds, 1 to 30, default 15), event 'expired' when the cursor falls out of"
                    + " the retention.",
            responses = @ApiResponse(responseCode = "200", description = "OK", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)),
                    @Content(mediaType = ChangeStream.MEDIA_TYPE)}))
    @RequiresPermission(CorePermissions.CHANGES_READ)
    @GET
    @Produces({MediaType.APPLICATION_JSON, ChangeStream.MEDIA_TYPE})
    public Response changes(
            @Parameter(description = "the 'next' of the previous page; 'now' for the head; absent for the oldest change kept")
            @QueryParam("since") String since,
            @Parameter(description = "comma-separated feed types: party, activity, <module>.<entity>") @QueryParam("types") List<String> types,
            @Parameter(description = "changes per page, 1 to 1000 (100)") @QueryParam("limit") String limit,
            @Parameter(description = "seconds to wait for a change when none follows the cursor, 0 to 30 (0)") @QueryParam("wait") String wait,
            @Parameter(description = "event stream only: seconds between heartbeats when no change comes, 1 to 30 (15)")
            @QueryParam("heartbeat") String heartbeat,
            @Parameter(description = "event stream only: the id of the last event received, which resumes after it (beats since)")
            @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @Context HttpHeaders headers, @Context UriInfo uriInfo) {
        ChangeQuery query = new ChangeQuery();
        query.since = QueryParams.text(since);
        query.types = types(types);
        query.limit = integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (!wantsStream(headers)) {
            query.waitSeconds = integer("wait", wait, 0, 0, MAX_WAIT);
            integer("heartbeat", heartbeat, DEFAULT_HEARTBEAT, 1, MAX_WAIT);
            return Response.ok(QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> feed.read(query)),
                    MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (QueryParams.text(lastEventId) != null) {
            query.since = lastEventId.strip();
        }
        int beat = integer("heartbeat", heartbeat, DEFAULT_HEARTBEAT, 1, MAX_WAIT);
        Caller caller = callers.current().orElseThrow(() -> new NotAuthorizedException("Basic"));
        ChangePage first = QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> feed.read(query));
        query.waitSeconds = beat;
        return Response.ok(new ChangeStream(feed, callers, caller, query, first, mapper, streams), ChangeStream.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /** Whether the client ranks the event stream before JSON (a client accepting anything gets JSON). */
    static boolean wantsStream(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (!accepted.isWildcardSubtype() && accepted.isCompatible(MediaType.valueOf(ChangeStream.MEDIA_TYPE))) {
                return true;
            }
        }
        return false;
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
