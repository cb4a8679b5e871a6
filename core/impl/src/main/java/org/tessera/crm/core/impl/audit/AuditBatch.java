package org.tessera.crm.core.impl.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.impl.support.Times;

/**
 * The audit records of a bulk write, collected as it goes and inserted at its end with two JDBC
 * batches on its connection, so they commit or roll back with it. A JPA persist per record cost a
 * party import about half of its time.
 */
public final class AuditBatch {
    /** The sequence of audit record ids ({@code AuditRecordEntity}), stepping by 50. */
    public static final String SEQUENCE = "audit_seq";

    /** Where the batch takes its record ids: blocks of {@code audit_seq}, as EclipseLink preallocates them. */
    @FunctionalInterface
    public interface Ids {
        long next() throws SQLException;
    }

    private record Entry(Instant at, String entityType, String entityId, AuditAction action, List<FieldChangeDTO> changes) {
    }

    private final String login;
    private final List<Entry> entries = new ArrayList<>();

    AuditBatch(String login) {
        this.login = login;
    }

    /** As {@link AuditTrail#record}: an update that changed no audited field adds nothing. */
    public void add(String entityType, String entityId, AuditAction action, Object before, Object after, Set<String> sensitive) {
        List<FieldChangeDTO> changes = FieldDiffs.between(before, after, AuditTrail.SERVER_OWNED, sensitive);
        if (!AuditTrail.isNoop(action, changes)) {
            entries.add(new Entry(Times.now(), entityType, entityId, action, changes));
        }
    }

    public int size() {
        return entries.size();
    }

    /** Inserts every record collected so far, then forgets them. */
    public void write(Connection connection, Ids ids) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement record = connection.prepareStatement("INSERT INTO audit_record"
                + " (id, occurred_at, user_login, entity_type, entity_id, action) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement change = connection.prepareStatement("INSERT INTO audit_change"
                        + " (audit_id, position, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)")) {
            for (Entry entry : entries) {
                long id = ids.next();
                record.setLong(1, id);
                record.setTimestamp(2, Timestamp.from(entry.at()));
                record.setString(3, login);
                record.setString(4, entry.entityType());
                record.setString(5, entry.entityId());
                record.setString(6, entry.action().name());
                record.addBatch();
                for (int position = 0; position < entry.changes().size(); position++) {
                    FieldChangeDTO field = entry.changes().get(position);
                    change.setLong(1, id);
                    change.setInt(2, position); // the @OrderColumn of AuditRecordEntity.changes
                    change.setString(3, field.field);
                    change.setString(4, field.oldValue);
                    change.setString(5, field.newValue);
                    change.addBatch();
                }
            }
            record.executeBatch();
            change.executeBatch();
        }
        entries.clear();
    }
}
