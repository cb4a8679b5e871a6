package org.tessera.crm.core.impl.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;

import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.impl.support.Times;

/**
 * Inserts an audit record and its changes with JDBC, in the transaction of the given connection:
 * for writes that do not go through the core's entity manager (a module's mutation, a schema
 * purge). Its id comes from {@code audit_seq} itself, so it never collides with a block that
 * EclipseLink has preallocated from the same sequence (both step by the allocation size).
 */
public final class AuditRows {
    private AuditRows() {
    }

    /** Writes the record now, signed by {@code login}; returns its id. */
    public static long insert(Connection connection, String login, String entityType, String entityId, AuditAction action,
            List<FieldChangeDTO> changes) throws SQLException {
        long id = nextId(connection);
        try (PreparedStatement record = connection.prepareStatement("INSERT INTO audit_record"
                + " (id, occurred_at, user_login, entity_type, entity_id, action) VALUES (?, ?, ?, ?, ?, ?)")) {
            record.setLong(1, id);
            // as AuditRecordEntity stores it (InstantConverter), at the millisecond precision of Times
            record.setTimestamp(2, Timestamp.from(Times.now()));
            record.setString(3, login);
            record.setString(4, entityType);
            record.setString(5, entityId);
            record.setString(6, action.name());
            record.executeUpdate();
        }
        if (changes.isEmpty()) {
            return id;
        }
        try (PreparedStatement change = connection.prepareStatement("INSERT INTO audit_change"
                + " (audit_id, position, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)")) {
            for (int position = 0; position < changes.size(); position++) {
                change.setLong(1, id);
                change.setInt(2, position); // the @OrderColumn of AuditRecordEntity.changes
                change.setString(3, changes.get(position).field);
                change.setString(4, changes.get(position).oldValue);
                change.setString(5, changes.get(position).newValue);
                change.addBatch();
            }
            change.executeBatch();
        }
        return id;
    }

    /** Whether the connection is to Derby rather than PostgreSQL, whose SQL differs for sequences. */
    public static boolean isDerby(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
    }

    private static long nextId(Connection connection) throws SQLException {
        try (Statement sequence = connection.createStatement();
                ResultSet next = sequence.executeQuery(isDerby(connection) ? "VALUES NEXT VALUE FOR audit_seq" : "SELECT nextval('audit_seq')")) {
            next.next();
            return next.getLong(1);
        }
    }
}
