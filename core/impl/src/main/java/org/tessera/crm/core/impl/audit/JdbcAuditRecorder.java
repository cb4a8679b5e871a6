package org.tessera.crm.core.impl.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.impl.db.IdBlocks;

/**
 * The modules' way into the audit trail: the same field diffs as {@link AuditTrail}, written with
 * JDBC on the module's connection so they share the fate of its transaction.
 */
@Component
public class JdbcAuditRecorder implements AuditRecorder {
    private final CallerContext callers;

    @Activate
    public JdbcAuditRecorder(@Reference(name = "callers") CallerContext callers) {
        this.callers = callers;
    }

    @Override
    public void record(Connection connection, String entityType, String entityId, AuditAction action, Object before,
            Object after, Set<String> sensitive) {
        try {
            Set<String> masked = new HashSet<>(sensitive);
            masked.addAll(sensitiveCustomFields(connection, entityType));
            AuditBatch record = new AuditBatch(callers.currentLogin());
            record.add(entityType, entityId, action, before, after, masked);
            record.write(connection, new IdBlocks(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot audit " + action + " of " + entityType + " " + entityId, e);
        }
    }

    @Override
    public void recordChanges(Connection connection, String entityType, String entityId, AuditAction action,
            List<FieldChangeDTO> changes) {
        try {
            AuditBatch record = new AuditBatch(callers.currentLogin());
            record.add(entityType, entityId, action, changes);
            record.write(connection, new IdBlocks(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot audit " + action + " of " + entityType + " " + entityId, e);
        }
    }

    /** The custom fields an administrator marked sensitive on the type: masked whatever the module says. */
    private static Set<String> sensitiveCustomFields(Connection connection, String entityType) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT field_key FROM custom_field_def WHERE entity_type = ? AND is_sensitive = ?")) {
            query.setString(1, entityType);
            query.setBoolean(2, true);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(FieldDiffs.CUSTOM_FIELDS + "." + rows.getString(1));
                }
            }
        }
        return keys;
    }
}
