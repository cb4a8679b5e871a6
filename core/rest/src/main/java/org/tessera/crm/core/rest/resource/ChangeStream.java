package org.tessera.crm.core.rest.resource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.tessera.crm.core.api.event.ChangeDTO;
import org.tessera.crm.core.api.event.ChangeFeed;
import org.tessera.crm.core.api.event.ChangePage;
import org.tessera.crm.core.api.event.ChangeQuery;
import org.tessera.crm.core.api.event.CursorExpiredException;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;

/**
 * The change feed as server-sent events: each change an event whose id is its cursor (what a
 * client sends back as {@code Last-Event-ID} to resume), a comment line as heartbeat whenever no
 * change came within the heartbeat interval. The feed is read as the caller who opened the stream
 * (bound to the writing thread, since the request's binding ends before the body is written), so
 * it holds what that caller may read. It ends when a write fails (the client went away), or when
 * the resource is deactivated ({@link #close}), after at most one heartbeat interval.
 */
final class ChangeStream implements StreamingOutput {
    static final String MEDIA_TYPE = "text/event-stream";

    private final ChangeFeed feed;
    private final CallerContext callers;
    private final Caller caller;
    private final ChangeQuery query;
    private final ChangePage first;
    private final ObjectMapper mapper;
    private final Set<ChangeStream> open;
    private volatile boolean closed;
    private volatile Thread writer;

    /**
     * @param query the types, page size and heartbeat (its {@code waitSeconds}) of the stream
     * @param first the first page, already read (so that a bad cursor was answered with a problem, not a stream)
     * @param open the streams of the resource, which this one joins while it is written
     */
    ChangeStream(ChangeFeed feed, CallerContext callers, Caller caller, ChangeQuery query, ChangePage first, ObjectMapper mapper,
            Set<ChangeStream> open) {
        this.feed = feed;
        this.callers = callers;
        this.caller = caller;
        this.query = query;
        this.first = first;
        this.mapper = mapper;
        this.open = open;
    }

    static Set<ChangeStream> registry() {
        return ConcurrentHashMap.newKeySet();
    }

    @Override
    public void write(OutputStream output) throws IOException {
        writer = Thread.currentThread();
        open.add(this);
        callers.bind(caller);
        try {
            output.write(("retry: 2000\n\n").getBytes(StandardCharsets.UTF_8));
            ChangePage page = first;
            while (!closed) {
                send(output, page);
                if (closed) {
                    break;
                }
                query.since = page.next;
                try {
                    page = feed.read(query);
                } catch (CursorExpiredException expired) {
                    output.write(("event: expired\ndata: " + mapper.writeValueAsString(expired.getMessage()) + "\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    output.flush();
                    return;
                }
            }
        } finally {
            callers.unbind();
            open.remove(this);
            writer = null;
            Thread.interrupted(); // a close() while waiting must not leave the server's thread interrupted
        }
    }

    private void send(OutputStream output, ChangePage page) throws IOException {
        StringBuilder events = new StringBuilder();
        if (page.items.isEmpty()) {
            events.append(": heartbeat\n\n");
        }
        for (ChangeDTO change : page.items) {
            events.append("id: ").append(change.cursor).append('\n')
                    .append("event: change\n")
                    .append("data: ").append(mapper.writeValueAsString(change)).append("\n\n");
        }
        output.write(events.toString().getBytes(StandardCharsets.UTF_8));
        output.flush(); // fails once the client has gone: the stream ends there
    }

    /** Ends the stream: its writer stops waiting and returns, which completes the response. */
    void close() {
        closed = true;
        Thread current = writer;
        if (current != null) {
            current.interrupt();
        }
    }
}
