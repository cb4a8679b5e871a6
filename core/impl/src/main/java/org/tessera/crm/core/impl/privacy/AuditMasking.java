package org.tessera.crm.core.impl.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.impl.audit.AuditChangeList;

/**
 * Masks the values of a record's audit entries after its erasure: who changed which field and when
 * stays, what the values were does not.
 */
final class AuditMasking {
    private AuditMasking() {
    }

    static void mask(Connection connection, String entityType, Collection<String> ids) {
        for (String column : new String[] {"old_value", "new_value"}) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE audit_change SET " + column + " = ? WHERE " + column
                    + " IS NOT NULL AND audit_id IN (SELECT r.id FROM audit_record r WHERE r.entity_type = ? AND r.entity_id = ?)")) {
                for (String id : ids) {
                    update.setString(1, FieldChangeDTO.MASK);
                    update.setString(2, entityType);
                    update.setString(3, id);
                    update.addBatch();
                }
                update.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot mask the audit of " + entityType + " " + ids + ": " + e.getMessage(), e);
            }
        }
        try {
            maskChangeLists(connection, entityType, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mask the audit of " + entityType + " " + ids + ": " + e.getMessage(), e);
        }
    }

    /** The records whose changes are one column ({@link AuditChangeList}): read, masked, written back. */
    private static void maskChangeLists(Connection connection, String entityType, Collection<String> ids) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT id, change_list FROM audit_record"
                + " WHERE entity_type = ? AND entity_id = ? AND change_list IS NOT NULL");
                PreparedStatement write = connection.prepareStatement("UPDATE audit_record SET change_list = ? WHERE id = ?")) {
            for (String id : ids) {
                read.setString(1, entityType);
                read.setString(2, id);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        write.setString(1, AuditChangeList.encode(AuditChangeList.masked(AuditChangeList.decode(rows.getString(2)))));
                        write.setLong(2, rows.getLong(1));
                        write.addBatch();
                    }
                }
            }
            write.executeBatch();
        }
    }
}
