package org.tessera.crm.core.impl.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tessera.crm.core.impl.db.IdBlocks;

/**
 * One serialized pass of the dispatcher, in the caller's transaction. It first takes the lock row
 * of {@code event_outbox_state} (an update, which every database holds until the commit, on every
 * node sharing the database), then gives the oldest committed rows without a position the next
 * positions in id order and posts them on Event Admin. Positions therefore become visible in
 * increasing order, a batch at a time: a feed reader never sees position n+1 before n, and a row
 * that commits late simply gets a later position — it is never skipped. Posting before the commit
 * makes Event Admin delivery at-least-once: a pass that fails to commit posts its events again.
 */
final class OutboxPass {
    private OutboxPass() {
    }

    /** A dispatched event: its id, position, topic and when it was recorded. */
    record Dispatched(long id, long position, String topic, Instant createdAt) {
    }

    /** The positions given in this pass, at most {@code batchSize}; empty when nothing waited. */
    static List<Dispatched> dispatch(Connection connection, int batchSize, EventAdmin eventAdmin, Instant now) throws SQLException {
        if (!anyWaiting(connection)) {
            return List.of(); // without the lock: a pass that takes it writes, and its commit waits for the disk
        }
        long last = lockState(connection)[0];
        List<Dispatched> dispatched = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        try (PreparedStatement pending = connection.prepareStatement(pendingQuery(batchSize));
                ResultSet rows = pending.executeQuery()) {
            while (rows.next()) {
                String topic = rows.getString(2);
                dispatched.add(new Dispatched(rows.getLong(1), ++last, topic, rows.getTimestamp(4).toInstant()));
                events.add(new Event(topic, EventCodec.decode(rows.getString(3))));
            }
        }
        if (dispatched.isEmpty()) {
            return dispatched;
        }
        mark(connection, dispatched, Timestamp.from(now));
        try (PreparedStatement state = connection.prepareStatement("UPDATE event_outbox_state SET last_position = ? WHERE id = 1")) {
            state.setLong(1, last);
            state.executeUpdate();
        }
        if (eventAdmin != null) {
            events.forEach(eventAdmin::postEvent);
        }
        return dispatched;
    }

    /**
     * Whether a committed event waits for its position. The dispatcher looks every 10 ms while local
     * commits go on: during an import, most looks find nothing, and each used to take the lock row
     * anyway, a write and a flush of the log on every commit. A row committed just after this read
     * waits for the next look.
     */
    private static boolean anyWaiting(Connection connection) throws SQLException {
        try (PreparedStatement waiting = connection.prepareStatement(
                "SELECT id FROM event_outbox WHERE feed_position IS NULL FETCH FIRST 1 ROWS ONLY");
                ResultSet row = waiting.executeQuery()) {
            return row.next();
        }
    }

    /**
     * Writes the positions given: on PostgreSQL in one statement over two arrays (a pass of 200
     * events was 200 statements), on Derby in one JDBC batch of single-row updates.
     */
    private static void mark(Connection connection, List<Dispatched> dispatched, Timestamp at) throws SQLException {
        if (!IdBlocks.isDerby(connection)) {
            try (PreparedStatement mark = connection.prepareStatement("UPDATE event_outbox e SET feed_position = v.position,"
                    + " dispatched_at = ? FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[])) AS v(id, position) WHERE e.id = v.id")) {
                mark.setTimestamp(1, at);
                mark.setArray(2, connection.createArrayOf("bigint", dispatched.stream().map(Dispatched::id).toArray()));
                mark.setArray(3, connection.createArrayOf("bigint", dispatched.stream().map(Dispatched::position).toArray()));
                mark.executeUpdate();
            }
            return;
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "UPDATE event_outbox SET feed_position = ?, dispatched_at = ? WHERE id = ?")) {
            for (Dispatched event : dispatched) {
                mark.setLong(1, event.position());
                mark.setTimestamp(2, at);
                mark.setLong(3, event.id());
                mark.addBatch();
            }
            mark.executeBatch();
        }
    }

    /** The oldest events without a position, at most {@code batchSize}: on PostgreSQL, read from ix_event_outbox_pending. */
    static String pendingQuery(int batchSize) {
        return "SELECT id, topic, properties_json, created_at FROM event_outbox WHERE feed_position IS NULL ORDER BY id FETCH FIRST "
                + batchSize + " ROWS ONLY";
    }

    /** An event as dispatched: its position, topic and properties. */
    record Positioned(long position, String topic, Map<String, Object> properties) {
    }

    /** The events dispatched after {@code after}, by any node, in position order; at most {@code limit}. */
    static List<Positioned> dispatchedAfter(Connection connection, long after, int limit) throws SQLException {
        List<Positioned> events = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT feed_position, topic, properties_json FROM event_outbox"
                + " WHERE feed_position > ? ORDER BY feed_position FETCH FIRST " + limit + " ROWS ONLY")) {
            read.setLong(1, after);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    events.add(new Positioned(rows.getLong(1), rows.getString(2), EventCodec.decode(rows.getString(3))));
                }
            }
        }
        return events;
    }

    /**
     * Deletes, oldest first, at most {@code batchSize} dispatched changes from before {@code cutoff}
     * and moves {@code purged_through} past them.
     *
     * @return how many were deleted; fewer than {@code batchSize} when no more are due
     */
    static int purge(Connection connection, Instant cutoff, int batchSize) throws SQLException {
        long purgedThrough = lockState(connection)[1];
        long through = purgedThrough;
        int due = 0;
        try (PreparedStatement oldest = connection.prepareStatement("SELECT feed_position, dispatched_at FROM event_outbox"
                + " WHERE feed_position > ? ORDER BY feed_position FETCH FIRST " + batchSize + " ROWS ONLY")) {
            oldest.setLong(1, purgedThrough);
            try (ResultSet rows = oldest.executeQuery()) {
                while (rows.next() && rows.getTimestamp(2).toInstant().isBefore(cutoff)) {
                    through = rows.getLong(1);
                    due++;
                }
            }
        }
        if (due == 0) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM event_outbox WHERE feed_position > ? AND feed_position <= ?");
                PreparedStatement state = connection.prepareStatement("UPDATE event_outbox_state SET purged_through = ? WHERE id = 1")) {
            delete.setLong(1, purgedThrough);
            delete.setLong(2, through);
            delete.executeUpdate();
            state.setLong(1, through);
            state.executeUpdate();
        }
        return due;
    }

    /** Takes the lock row and reads it: {last position, purged through}. */
    private static long[] lockState(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "UPDATE event_outbox_state SET last_position = last_position WHERE id = 1")) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("event_outbox_state has no row 1: the core's schema is not migrated");
            }
        }
        return readState(connection);
    }

    /** {last position, purged through}, without a lock. */
    static long[] readState(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT last_position, purged_through FROM event_outbox_state WHERE id = 1");
                ResultSet row = read.executeQuery()) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }
}
