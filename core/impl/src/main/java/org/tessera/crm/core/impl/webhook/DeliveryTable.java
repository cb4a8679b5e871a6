package org.tessera.crm.core.impl.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.webhook.WebhookDeliveryDTO;
import org.tessera.crm.core.impl.db.IdBlocks;

/**
 * The {@code webhook_delivery} table and the fan-out position in {@code webhook_state}, on the
 * caller's connection. A delivery moves PENDING → DELIVERING (claimed) → DELIVERED, or back to
 * PENDING with a later due time, or DEAD after its last attempt; a replay makes it PENDING again.
 */
final class DeliveryTable {
    static final String PENDING = "PENDING";
    static final String DELIVERING = "DELIVERING";
    static final String DELIVERED = "DELIVERED";
    static final String DEAD = "DEAD";
    static final List<String> STATES = List.of(PENDING, DELIVERING, DELIVERED, DEAD);
    private static final String SEQUENCE = "webhook_seq";
    private static final int MAX_ERROR = 1_000;
    /** Due: pending and due, or claimed by a worker whose claim ran out (it crashed or hung). */
    private static final String DUE = "((d.state = 'PENDING' AND d.next_attempt_at <= ?) OR (d.state = 'DELIVERING' AND d.claimed_until < ?))";

    private final Connection connection;
    private IdBlocks ids;

    DeliveryTable(Connection connection) {
        this.connection = connection;
    }

    /**
     * Queues the changes after the fan-out position for the matching enabled subscriptions, at most
     * {@code batchSize} changes, and moves the position past them. Serialized by the lock on the
     * state row, so every change is fanned out once whatever the number of nodes.
     *
     * @return the number of changes examined: {@code batchSize} when more may follow
     */
    int fanOut(int batchSize, Instant now) throws SQLException {
        long last = lockFanOut();
        long head = outboxHead();
        if (head <= last) {
            return 0;
        }
        List<OutboxChange> changes = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT " + OutboxChange.COLUMNS + " FROM event_outbox o"
                + " WHERE o.feed_position > ? AND o.feed_position <= ? ORDER BY o.feed_position FETCH FIRST " + batchSize + " ROWS ONLY")) {
            s.setLong(1, last);
            s.setLong(2, head);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    changes.add(OutboxChange.read(rows));
                }
            }
        }
        List<Subscription> subscriptions = new SubscriptionTable(connection).list(true);
        for (OutboxChange change : changes) {
            for (Subscription subscription : subscriptions) {
                // a change recorded before the subscription existed is for a replay only
                if (!change.time().isBefore(subscription.createdAt()) && subscription.matches(change.type(), change.action(), change.changedFields())) {
                    queue(subscription.id(), change, now);
                }
            }
        }
        long through = changes.size() == batchSize ? changes.get(changes.size() - 1).position() : head;
        try (PreparedStatement s = connection.prepareStatement("UPDATE webhook_state SET last_position = ? WHERE id = 1")) {
            s.setLong(1, through);
            s.executeUpdate();
        }
        return changes.size();
    }

    /** Queues for {@code subscription} its changes recorded in [from, to), at most {@code max}; -1 when more would be. */
    int queueRange(Subscription subscription, Instant from, Instant to, int max, Instant now) throws SQLException {
        List<OutboxChange> changes = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT " + OutboxChange.COLUMNS + " FROM event_outbox o"
                + " WHERE o.feed_position IS NOT NULL AND o.created_at >= ? AND o.created_at < ? AND o.feed_type IN ("
                + String.join(", ", java.util.Collections.nCopies(subscription.types().size(), "?")) + ") ORDER BY o.feed_position")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            for (int i = 0; i < subscription.types().size(); i++) {
                s.setString(i + 3, subscription.types().get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    OutboxChange change = OutboxChange.read(rows);
                    if (subscription.matches(change.type(), change.action(), change.changedFields())) {
                        if (changes.size() == max) {
                            return -1;
                        }
                        changes.add(change);
                    }
                }
            }
        }
        for (OutboxChange change : changes) {
            queue(subscription.id(), change, now);
        }
        return changes.size();
    }

    private void queue(long subscriptionId, OutboxChange change, Instant now) throws SQLException {
        if (ids == null) {
            ids = new IdBlocks(connection);
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO webhook_delivery (id, subscription_id, event_id,"
                + " feed_position, event_type, action, record_id, payload, state, attempts, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            s.setLong(1, ids.next(SEQUENCE));
            s.setLong(2, subscriptionId);
            s.setLong(3, change.eventId());
            s.setLong(4, change.position());
            s.setString(5, change.type());
            s.setString(6, change.action());
            s.setString(7, change.recordId());
            s.setString(8, change.payload(subscriptionId));
            s.setString(9, PENDING);
            s.setTimestamp(10, Timestamp.from(now));
            s.setTimestamp(11, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    /**
     * Claims at most {@code batchSize} due deliveries of enabled subscriptions until {@code until}.
     * Each claim is a conditional update, so two workers never both claim one delivery.
     */
    List<Claimed> claim(int batchSize, Instant now, Instant until) throws SQLException {
        List<Claimed> due = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT d.id, d.subscription_id, d.event_id, w.url, w.secret, d.payload,"
                + " d.attempts FROM webhook_delivery d JOIN webhook_subscription w ON w.id = d.subscription_id"
                + " WHERE w.enabled = ? AND " + DUE + " ORDER BY d.next_attempt_at, d.id FETCH FIRST " + batchSize + " ROWS ONLY")) {
            s.setBoolean(1, true);
            s.setTimestamp(2, Timestamp.from(now));
            s.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    due.add(new Claimed(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getInt(7)));
                }
            }
        }
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("UPDATE webhook_delivery SET state = 'DELIVERING', claimed_until = ?"
                + " WHERE id = ? AND " + DUE.replace("d.", ""))) {
            for (Claimed delivery : due) {
                s.setTimestamp(1, Timestamp.from(until));
                s.setLong(2, delivery.id());
                s.setTimestamp(3, Timestamp.from(now));
                s.setTimestamp(4, Timestamp.from(now));
                if (s.executeUpdate() == 1) {
                    claimed.add(delivery);
                }
            }
        }
        return claimed;
    }

    /**
     * Records an attempt of a claimed delivery: {@code nextAttempt} null means delivered when
     * {@code error} is null, dead otherwise. False when the claim was lost (another worker took it).
     */
    boolean attempted(long id, Integer status, String error, Instant at, Instant nextAttempt) throws SQLException {
        String state = error == null ? DELIVERED : nextAttempt == null ? DEAD : PENDING;
        try (PreparedStatement s = connection.prepareStatement("UPDATE webhook_delivery SET state = ?, attempts = attempts + 1,"
                + " last_status = ?, last_error = ?, last_attempt_at = ?, next_attempt_at = ?, claimed_until = NULL"
                + " WHERE id = ? AND state = 'DELIVERING'")) {
            s.setString(1, state);
            if (status == null) {
                s.setNull(2, Types.INTEGER);
            } else {
                s.setInt(2, status);
            }
            s.setString(3, error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
            s.setTimestamp(4, Timestamp.from(at));
            s.setTimestamp(5, Timestamp.from(nextAttempt == null ? at : nextAttempt));
            s.setLong(6, id);
            return s.executeUpdate() == 1;
        }
    }

    /** Makes a finished delivery pending again, attempts from zero; false when it is not finished. */
    boolean requeue(long subscriptionId, long id, Instant now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE webhook_delivery SET state = 'PENDING', attempts = 0,"
                + " next_attempt_at = ?, claimed_until = NULL WHERE id = ? AND subscription_id = ? AND state IN ('DEAD', 'DELIVERED')")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setLong(2, id);
            s.setLong(3, subscriptionId);
            return s.executeUpdate() == 1;
        }
    }

    /** A subscription's deliveries, newest first. */
    List<WebhookDeliveryDTO> list(long subscriptionId, String state, Long beforeId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, event_id, feed_position, event_type, action, record_id, state, attempts,"
                + " last_status, last_error, last_attempt_at, next_attempt_at, created_at FROM webhook_delivery WHERE subscription_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(subscriptionId));
        if (state != null) {
            sql.append(" AND state = ?");
            parameters.add(state);
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            parameters.add(beforeId);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                List<WebhookDeliveryDTO> deliveries = new ArrayList<>();
                while (rows.next()) {
                    deliveries.add(read(rows));
                }
                return deliveries;
            }
        }
    }

    java.util.Optional<WebhookDeliveryDTO> find(long subscriptionId, long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT id, event_id, feed_position, event_type, action, record_id,"
                + " state, attempts, last_status, last_error, last_attempt_at, next_attempt_at, created_at FROM webhook_delivery"
                + " WHERE subscription_id = ? AND id = ?")) {
            s.setLong(1, subscriptionId);
            s.setLong(2, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? java.util.Optional.of(read(rows)) : java.util.Optional.empty();
            }
        }
    }

    private static WebhookDeliveryDTO read(ResultSet rows) throws SQLException {
        WebhookDeliveryDTO delivery = new WebhookDeliveryDTO();
        delivery.id = String.valueOf(rows.getLong(1));
        delivery.eventId = String.valueOf(rows.getLong(2));
        delivery.position = rows.getLong(3);
        delivery.type = rows.getString(4);
        delivery.action = rows.getString(5);
        delivery.recordId = rows.getString(6);
        delivery.state = rows.getString(7);
        delivery.attempts = rows.getInt(8);
        int status = rows.getInt(9);
        delivery.lastStatus = rows.wasNull() ? null : status;
        delivery.lastError = rows.getString(10);
        delivery.lastAttemptAt = instant(rows.getTimestamp(11));
        delivery.nextAttemptAt = PENDING.equals(delivery.state) ? instant(rows.getTimestamp(12)) : null;
        delivery.createdAt = instant(rows.getTimestamp(13));
        return delivery;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private long lockFanOut() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("UPDATE webhook_state SET last_position = last_position WHERE id = 1")) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("webhook_state has no row 1: the core's schema is not migrated");
            }
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT last_position FROM webhook_state WHERE id = 1");
                ResultSet row = read.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private long outboxHead() throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT last_position FROM event_outbox_state WHERE id = 1");
                ResultSet row = read.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
