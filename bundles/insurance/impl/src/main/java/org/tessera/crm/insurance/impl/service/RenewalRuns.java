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
 */
final class RenewalRuns {
    /** A run whose reminders are still to plan. */
    record Pending(long runId, int reminderDaysBefore) {
    }

    private RenewalRuns() {
    }

    static void opened(Connection c, long runId, int reminderDaysBefore, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ins_renewal_run (id, reminder_days_before, reminders_planned, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, runId);
            insert.setInt(2, reminderDaysBefore);
            insert.setBoolean(3, false);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    static void remindersPlanned(Connection c, long runId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE ins_renewal_run SET reminders_planned = ? WHERE id = ?")) {
            update.setBoolean(1, true);
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    static List<Pending> pending(Connection c) throws SQLException {
        List<Pending> runs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, reminder_days_before FROM ins_renewal_run WHERE reminders_planned = ? ORDER BY id")) {
            select.setBoolean(1, false);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(new Pending(rows.getLong(1), rows.getInt(2)));
                }
            }
        }
        return runs;
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
