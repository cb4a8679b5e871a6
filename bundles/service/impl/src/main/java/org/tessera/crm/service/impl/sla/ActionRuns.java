package org.tessera.crm.service.impl.sla;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The leases of {@code sla_action_run}: the actions of a fired deadline are written as owed in the
 * transaction that claims the deadline, leased to this node, and released once they ran. A node that
 * dies in between leaves its rows; when their lease lapses, the next sweep of any node claims them
 * with a conditional UPDATE on the lease it read (so one node wins) and runs the actions again, which
 * are idempotent (an activity carries the run's key as an external id). One instance per engine.
 */
final class ActionRuns {
    /** A row owed: the clock and the kind of its deadline (WARNED, VIOLATED, SUCCEEDED). */
    record Owed(long clockId, String kind) {
    }

    private final String node;
    private final Duration lease;

    ActionRuns(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the SLA action lease must be positive: " + lease);
        }
        this.lease = lease;
        // the process and a part of its own: two engines in one JVM (tests) are two nodes too
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    String node() {
        return node;
    }

    /** Writes the rows owed, leased to this node, in the claiming transaction. */
    void owe(Connection c, List<Owed> owed, Instant now) throws SQLException {
        if (owed.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sla_action_run (clock_id, kind, claimed_by, claimed_until) VALUES (?, ?, ?, ?)")) {
            Timestamp until = Timestamp.from(now.plus(lease));
            for (Owed o : owed) {
                insert.setLong(1, o.clockId());
                insert.setString(2, o.kind());
                insert.setString(3, node);
                insert.setTimestamp(4, until);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Releases a row once its actions ran; a row another node took over meanwhile is its to release. */
    boolean release(Connection c, Owed owed) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM sla_action_run WHERE clock_id = ? AND kind = ? AND claimed_by = ?")) {
            delete.setLong(1, owed.clockId());
            delete.setString(2, owed.kind());
            delete.setString(3, node);
            return delete.executeUpdate() == 1;
        }
    }

    /**
     * Claims up to {@code limit} rows whose lease lapsed before {@code now}: each by an UPDATE guarded
     * by the lease it was read with, so that of two nodes taking over the same row, one does.
     */
    List<Owed> takeOver(Connection c, Instant now, int limit) throws SQLException {
        record Lapsed(long clockId, String kind, String by, Timestamp until) {
        }
        List<Lapsed> lapsed = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT clock_id, kind, claimed_by, claimed_until FROM sla_action_run WHERE claimed_until < ? ORDER BY claimed_until")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lapsed.add(new Lapsed(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getTimestamp(4)));
                }
            }
        }
        List<Owed> claimed = new ArrayList<>();
        try (PreparedStatement claim = c.prepareStatement("UPDATE sla_action_run SET claimed_by = ?, claimed_until = ?"
                + " WHERE clock_id = ? AND kind = ? AND claimed_by = ? AND claimed_until = ?")) {
            Timestamp until = Timestamp.from(now.plus(lease));
            for (Lapsed l : lapsed) {
                claim.setString(1, node);
                claim.setTimestamp(2, until);
                claim.setLong(3, l.clockId());
                claim.setString(4, l.kind());
                claim.setString(5, l.by());
                claim.setTimestamp(6, l.until());
                if (claim.executeUpdate() == 1) {
                    claimed.add(new Owed(l.clockId(), l.kind()));
                }
            }
        }
        return claimed;
    }
}
