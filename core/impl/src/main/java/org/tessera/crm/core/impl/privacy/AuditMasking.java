package org.tessera.crm.core.impl.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

import org.tessera.crm.core.api.audit.FieldChangeDTO;

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
    }
}
