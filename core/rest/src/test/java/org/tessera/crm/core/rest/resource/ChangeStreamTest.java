package org.tessera.crm.core.rest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.event.ChangeDTO;
import org.tessera.crm.core.api.event.ChangeFeed;
import org.tessera.crm.core.api.event.ChangePage;
import org.tessera.crm.core.api.event.ChangeQuery;
import org.tessera.crm.core.api.event.CursorExpiredException;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.kit.rest.ObjectMappers;

class ChangeStreamTest {
    private final Caller agent = new Caller("agent", Set.of("agent"), Set.of("core.changes.read"), null);
    private final Callers callers = new Callers();
    private final Set<ChangeStream> open = ChangeStream.registry();

    @Test
    void eachChangeIsAnEventWithItsCursorAsIdAndAQuietIntervalAHeartbeat() throws IOException {
        List<String> readAs = new CopyOnWriteArrayList<>();
        ChangeFeed feed = query -> {
            readAs.add(callers.currentLogin() + "@" + query.since);
            return new ChangePage(List.of(), query.since);
        };
        FailingAfter output = new FailingAfter(1); // the client goes away after the first page
        ChangeStream stream = stream(feed, new ChangePage(List.of(change(7), change(8)), "c8"));
        assertThrows(IOException.class, () -> stream.write(output));
        String written = output.text();
        assertTrue(written.startsWith("retry: 2000\n\nid: c7\nevent: change\ndata: {\"position\":7,"), written);
        assertTrue(written.contains("\n\nid: c8\nevent: change\n"), written);
        assertTrue(written.endsWith(": heartbeat\n\n"), written);
        assertEquals(List.of("agent@c8"), readAs, "the feed is read as the caller who opened the stream, from the last cursor");
        assertFalse(callers.current().isPresent(), "the caller is unbound when the stream ends");
        assertTrue(open.isEmpty());
    }

    @Test
    void anExpiredCursorEndsTheStreamWithAnEvent() throws IOException {
        ChangeFeed feed = query -> {
            throw new CursorExpiredException("gone");
        };
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        stream(feed, new ChangePage(List.of(), "c1")).write(output);
        assertTrue(output.toString(StandardCharsets.UTF_8).endsWith("event: expired\ndata: \"gone\"\n\n"));
    }

    @Test
    void closingEndsAStreamWaitingForChanges() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        ChangeFeed feed = query -> {
            waiting.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS); // a long wait, as the feed's, cut short by an interrupt
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return new ChangePage(List.of(), query.since);
        };
        ChangeStream stream = stream(feed, new ChangePage(List.of(), "c1"));
        CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
            try {
                stream.write(new ByteArrayOutputStream());
                return !Thread.currentThread().isInterrupted();
            } catch (IOException e) {
                return false;
            }
        });
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        open.forEach(ChangeStream::close);
        assertTrue(ended.get(10, TimeUnit.SECONDS), "the writer returns, its interrupt cleared");
        assertTrue(open.isEmpty());
    }

    private ChangeStream stream(ChangeFeed feed, ChangePage first) {
        ChangeQuery query = new ChangeQuery();
        query.waitSeconds = 1;
        return new ChangeStream(feed, callers, agent, query, first, ObjectMappers.create(), open);
    }

    private static ChangeDTO change(long position) {
        ChangeDTO change = new ChangeDTO();
        change.position = position;
        change.cursor = "c" + position;
        change.type = "party";
        change.action = "UPDATED";
        return change;
    }

    /** An output whose flushes fail after the first {@code n}, as a closed connection's do. */
    private static final class FailingAfter extends ByteArrayOutputStream {
        private int flushesLeft;

        FailingAfter(int flushes) {
            this.flushesLeft = flushes;
        }

        @Override
        public void flush() throws IOException {
            if (flushesLeft-- <= 0) {
                throw new IOException("connection closed");
            }
        }

        String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    private static final class Callers implements CallerContext {
        private final ThreadLocal<Caller> bound = new ThreadLocal<>();

        @Override
        public Optional<Caller> current() {
            return Optional.ofNullable(bound.get());
        }

        @Override
        public void bind(Caller caller) {
            bound.set(caller);
        }

        @Override
        public void unbind() {
            bound.remove();
        }
    }
}
