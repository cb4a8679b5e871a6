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
import org.tessera.crm.core.impl.db.IdBlocks;
import org.tessera.crm.core.impl.support.Times;

/**
 * Audit records written with JDBC on the connection of the change they record, so they commit or
 * roll back with it: for writes that do not go through the core's entity manager (a bulk import,
 * a module's mutation, a schema purge). Records are collected, then inserted with one JDBC batch,
 * each with its changes in one column ({@link AuditChangeList}); a JPA persist per record cost a
 * party import about half of its time. Ids come from blocks of
 * {@code audit_seq} ({@link IdBlocks}), so they never collide with those EclipseLink preallocates.
 */
public final class AuditBatch {
    /** The sequence of audit record ids ({@code AuditRecordEntity}), stepping by 50. */
    static final String SEQUENCE = "audit_seq";

    private record Entry(Instant at, String entityType, String entityId, AuditAction action, List<FieldChangeDTO> changes) {
    }

    private final String login;
    private final List<Entry> entries = new ArrayList<>();

    /** A batch signed by {@code login}. */
    public AuditBatch(String login) {
        this.login = login;
    }

    /** As {@link AuditTrail#record}: an update that changed no audited field adds nothing. */
    public void add(String entityType, String entityId, AuditAction action, Object before, Object after, Set<String> sensitive) {
        add(entityType, entityId, action, FieldDiffs.between(before, after, AuditTrail.SERVER_OWNED, sensitive));
    }

    /** A record whose changes the caller already knows. */
    public void add(String entityType, String entityId, AuditAction action, List<FieldChangeDTO> changes) {
        if (!AuditTrail.isNoop(action, changes)) {
            entries.add(new Entry(Times.now(), entityType, entityId, action, changes));
        }
    }

    /** Inserts every record collected so far, then forgets them; ids from the writer's own {@code ids}. */
    public void write(Connection connection, IdBlocks ids) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        ids.reserve(SEQUENCE, entries.size());
        try (PreparedStatement record = connection.prepareStatement("INSERT INTO audit_record"
                + " (id, occurred_at, user_login, entity_type, entity_id, action, change_list) VALUES (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement change = connection.prepareStatement("INSERT INTO audit_change"
                        + " (audit_id, position, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)")) {
            boolean anyRows = false;
            for (Entry entry : entries) {
                long id = ids.next(SEQUENCE);
                String list = AuditChangeList.encode(entry.changes());
                boolean inList = list == null || list.length() <= AuditChangeList.MAX_LENGTH;
                record.setLong(1, id);
                record.setTimestamp(2, Timestamp.from(entry.at()));
                record.setString(3, login);
                record.setString(4, entry.entityType());
                record.setString(5, entry.entityId());
                record.setString(6, entry.action().name());
                record.setString(7, inList ? list : null);
                record.addBatch();
                for (int position = 0; !inList && position < entry.changes().size(); position++) {
                    FieldChangeDTO field = entry.changes().get(position);
                    change.setLong(1, id);
                    change.setInt(2, position); // the @OrderColumn of AuditRecordEntity.changes
                    change.setString(3, field.field);
                    change.setString(4, field.oldValue);
                    change.setString(5, field.newValue);
                    change.addBatch();
                    anyRows = true;
                }
            }
            record.executeBatch();
            if (anyRows) {
                change.executeBatch();
            }
        }
        entries.clear();
    }
}
