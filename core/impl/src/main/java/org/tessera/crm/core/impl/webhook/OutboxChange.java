package org.tessera.crm.core.impl.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** A change of the outbox as a subscriber receives it: what the change feed tells, never a field's value. */
record OutboxChange(long eventId, long position, String type, String topic, String action, String recordId, Long version,
        List<String> changedFields, String user, Instant time) {

    static final String COLUMNS = "o.id, o.feed_position, o.feed_type, o.topic, o.action, o.record_id, o.record_version,"
            + " o.changed_fields, o.user_login, o.created_at";

    static OutboxChange read(ResultSet row) throws SQLException {
        long version = row.getLong(7);
        Long recordVersion = row.wasNull() ? null : version;
        return new OutboxChange(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), recordVersion, Lists.split(row.getString(8)), row.getString(9), row.getTimestamp(10).toInstant());
    }

    /** The body POSTed to subscription {@code subscriptionId}: one JSON object. */
    String payload(long subscriptionId) {
        StringBuilder json = new StringBuilder("{");
        field(json, "eventId", String.valueOf(eventId)).append(',');
        json.append("\"position\":").append(position).append(',');
        field(json, "subscriptionId", String.valueOf(subscriptionId)).append(',');
        field(json, "type", type).append(',');
        field(json, "topic", topic).append(',');
        field(json, "action", action);
        if (recordId != null) {
            field(json.append(','), "recordId", recordId);
        }
        if (version != null) {
            json.append(",\"version\":").append(version);
        }
        json.append(",\"changedFields\":[");
        for (int i = 0; i < changedFields.size(); i++) {
            quote(json.append(i > 0 ? "," : ""), changedFields.get(i));
        }
        json.append("],");
        field(json, "user", user).append(',');
        field(json, "time", time.toString());
        return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        quote(json, name).append(':');
        return value == null ? json.append("null") : quote(json, value);
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }
}
