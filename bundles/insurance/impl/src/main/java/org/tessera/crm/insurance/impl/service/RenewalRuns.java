package org.tessera.crm.insurance.impl.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.insurance.impl.service.RenewalServiceImpl.Candidate;

/**
 * The renewal runs' rows in {@code ins_renewal_run}: a run's terms commit in one transaction and its
 * reminders are planned in the core's afterwards, so the run's row, written with the terms, stays
 * "reminders not planned" until the second step has finished. A crash in between leaves it so, and
 * the reminders are planned again from the run's pairs (the core's import is idempotent by the new
 * term's id, so a step that did finish half-way plans nothing twice).
 *
 * <p>With several nodes, a run is planned by one node at a time: the node that writes the run holds
 * it ({@code claimed_by}) until {@code claimed_until}, and another node resumes only a run no one
 * holds or whose holder's lease lapsed (it died), claiming it by an UPDATE that re-checks exactly
 * that, so that of two nodes resuming together one does.
 */
final class RenewalRuns {
    /** A run whose reminders are still to plan. */
    record Pending(long runId, int reminderDaysBefore) {
    }

    private RenewalRuns() {
    }

    /** The run's row, held by {@code node} until {@code until}: it plans the reminders right after the commit. */
    static void opened(Connection c, long runId, int reminderDaysBefore, Instant at, String node, Instant until) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ins_renewal_run (id, reminder_days_before, reminders_planned,"
                + " created_at, claimed_by, claimed_until) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, runId);
            insert.setInt(2, reminderDaysBefore);
            insert.setBoolean(3, false);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.setString(5, node);
            insert.setTimestamp(6, Timestamp.from(until));
            insert.executeUpdate();
        }
    }

    /** Lets the run go at once, for any node to resume: its holder could not plan the reminders. */
    static void released(Connection c, long runId, String node) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE ins_renewal_run SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")) {
            update.setLong(1, runId);
            update.setString(2, node);
            update.executeUpdate();
        }
    }

    static void remindersPlanned(Connection c, long runId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE ins_renewal_run SET reminders_planned = ? WHERE id = ?")) {
            update.setBoolean(1, true);
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    /**
     * Claims for {@code node}, until {@code until}, the runs whose reminders are not planned and that no
     * one holds at {@code now}; the claims are the caller's to commit before it plans.
     */
    static List<Pending> claimPending(Connection c, String node, Instant now, Instant until) throws SQLException {
        String free = " AND (claimed_until IS NULL OR claimed_until < ?)";
        List<Pending> candidates = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, reminder_days_before FROM ins_renewal_run WHERE reminders_planned = ?" + free + " ORDER BY id")) {
            select.setBoolean(1, false);
            select.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new Pending(rows.getLong(1), rows.getInt(2)));
                }
            }
        }
        List<Pending> claimed = new ArrayList<>();
        try (PreparedStatement claim = c.prepareStatement(
                "UPDATE ins_renewal_run SET claimed_by = ?, claimed_until = ? WHERE id = ? AND reminders_planned = ?" + free)) {
            for (Pending run : candidates) {
                claim.setString(1, node);
                claim.setTimestamp(2, Timestamp.from(until));
                claim.setLong(3, run.runId());
                claim.setBoolean(4, false);
                claim.setTimestamp(5, Timestamp.from(now));
                if (claim.executeUpdate() == 1) {
                    claimed.add(run);
                }
            }
        }
        return claimed;
    }

    /** The run's renewed terms as the run saw them, read back from its pairs and the terms it wrote. */
    static List<Candidate> renewed(Connection c, long runId) throws SQLException {
        List<Candidate> renewed = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT r.old_id, r.new_id, n.policy_number, o.expiry_date, r.new_expiry,"
                + " r.new_premium, n.agent_id, n.holder_party_id FROM ins_renewal_pair r"
                + " JOIN ins_policy n ON n.id = r.new_id JOIN ins_policy o ON o.id = r.old_id WHERE r.run_id = ? ORDER BY r.old_id")) {
            select.setLong(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long agent = rows.getLong(7);
                    Long agentId = rows.wasNull() ? null : agent;
                    renewed.add(new Candidate(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getDate(4).toLocalDate(),
                            rows.getDate(5).toLocalDate(), rows.getBigDecimal(6), agentId, rows.getLong(8)));
                }
            }
        }
        return renewed;
    }
}
