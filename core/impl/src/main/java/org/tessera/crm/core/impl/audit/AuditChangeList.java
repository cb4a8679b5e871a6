package org.tessera.crm.core.impl.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecordDTO;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.kit.Ids;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The changed fields of an audit record kept in one column, {@code audit_record.change_list}, as a
 * JSON array of {@code [field, old, new]} triples (a value absent is {@code null}). Records written
 * with JDBC ({@link AuditBatch}: imports, modules, purges) keep their changes there; one row per
 * field in {@code audit_change} made an import write 14 audit rows per party beside the party's own
 * 15, a third of its time. Records written through JPA, and lists longer than {@link #MAX_LENGTH}
 * characters, keep the rows of {@code audit_change}; a reader takes both.
 */
public final class AuditChangeList {
    /** The column's length (VARCHAR on Derby and PostgreSQL; Derby allows 32,672). */
    public static final int MAX_LENGTH = 32_000;
    private static final JsonFactory JSON = new JsonFactory();

    private AuditChangeList() {
    }

    /** The changes as the column holds them; {@code null} for none. */
    public static String encode(List<FieldChangeDTO> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        StringWriter text = new StringWriter(64 * changes.size());
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartArray();
            for (FieldChangeDTO change : changes) {
                json.writeStartArray();
                json.writeString(change.field);
                json.writeString(change.oldValue);
                json.writeString(change.newValue);
                json.writeEndArray();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The changes of a column's value, in their order; none for {@code null}. */
    public static List<FieldChangeDTO> decode(String column) {
        List<FieldChangeDTO> changes = new ArrayList<>();
        if (column == null) {
            return changes;
        }
        try (JsonParser json = JSON.createParser(column)) {
            expect(json.nextToken(), JsonToken.START_ARRAY, column);
            while (json.nextToken() == JsonToken.START_ARRAY) {
                String field = json.nextTextValue();
                String oldValue = text(json);
                String newValue = text(json);
                expect(json.nextToken(), JsonToken.END_ARRAY, column);
                changes.add(new FieldChangeDTO(field, oldValue, newValue));
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable audit change list: " + column, e);
        }
        return changes;
    }

    /** The same changes with every value present replaced by {@link FieldChangeDTO#MASK}. */
    public static List<FieldChangeDTO> masked(List<FieldChangeDTO> changes) {
        return changes.stream().map(c -> new FieldChangeDTO(c.field, c.oldValue == null ? null : FieldChangeDTO.MASK,
                c.newValue == null ? null : FieldChangeDTO.MASK)).toList();
    }

    /**
     * The audit trail of one record, oldest first, read with JDBC from both places changes are kept:
     * for the tests of the core and of modules that audit through {@code AuditRecorder}, which check
     * the stored trail without the core's services.
     */
    public static List<AuditRecordDTO> read(Connection connection, String entityType, String entityId) throws SQLException {
        Map<Long, AuditRecordDTO> records = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT r.id, r.occurred_at, r.user_login, r.action, r.change_list,"
                + " c.field, c.old_value, c.new_value FROM audit_record r LEFT JOIN audit_change c ON c.audit_id = r.id"
                + " WHERE r.entity_type = ? AND r.entity_id = ? ORDER BY r.id, c.position")) {
            query.setString(1, entityType);
            query.setString(2, entityId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    AuditRecordDTO record = records.get(id);
                    if (record == null) {
                        record = new AuditRecordDTO();
                        record.id = Ids.format(id);
                        record.at = rows.getTimestamp(2).toInstant();
                        record.userId = rows.getString(3);
                        record.action = AuditAction.valueOf(rows.getString(4));
                        record.entityType = entityType;
                        record.entityId = entityId;
                        record.changes.addAll(decode(rows.getString(5)));
                        records.put(id, record);
                    }
                    if (rows.getString(6) != null) {
                        record.changes.add(new FieldChangeDTO(rows.getString(6), rows.getString(7), rows.getString(8)));
                    }
                }
            }
        }
        return new ArrayList<>(records.values());
    }

    private static String text(JsonParser json) throws IOException {
        JsonToken token = json.nextToken();
        return token == JsonToken.VALUE_NULL ? null : json.getText();
    }

    private static void expect(JsonToken token, JsonToken expected, String column) {
        if (token != expected) {
            throw new IllegalStateException("unreadable audit change list (" + expected + " expected, " + token + " found): " + column);
        }
    }
}
