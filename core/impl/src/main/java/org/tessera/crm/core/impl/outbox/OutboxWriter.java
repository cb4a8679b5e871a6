package org.tessera.crm.core.impl.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tessera.crm.core.api.event.DomainEvent;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.impl.db.IdBlocks;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.Ids;

/**
 * Inserts events into {@code event_outbox} on the connection of the change, in one JDBC batch. Ids
 * come from {@code event_outbox_seq} in blocks ({@link IdBlocks}); the position in the feed is left
 * to the dispatcher. A party's change keeps the party's org unit of the moment, by which the feed
 * scopes it, deletions included: record a deletion before the party row goes.
 */
final class OutboxWriter {
    static final String SEQUENCE = "event_outbox_seq";
    static final int PROPERTIES_LENGTH = 16_000;
    static final int CHANGED_FIELDS_LENGTH = 4_000;

    private OutboxWriter() {
    }

    static void write(Connection connection, String login, List<DomainEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Map<Long, Long> partyUnits = partyUnits(connection, events);
        IdBlocks ids = new IdBlocks(connection);
        ids.reserve(SEQUENCE, events.size());
        Timestamp now = Timestamp.from(Times.now());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_outbox (id, topic, feed_type, action,"
                + " entity_type, record_id, record_num, record_version, scope_unit_id, changed_fields, properties_json, user_login,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DomainEvent event : events) {
                Map<String, Object> properties = new LinkedHashMap<>(event.properties());
                properties.putIfAbsent(CoreEvents.USER, login);
                String recordId = text(properties.get(CoreEvents.ID));
                Long recordNum = recordId == null ? null : Ids.parse(recordId).orElse(null);
                String json = EventCodec.encode(properties);
                if (json.length() > PROPERTIES_LENGTH) {
                    throw new IllegalArgumentException("the properties of event " + event.topic() + " exceed "
                            + PROPERTIES_LENGTH + " characters");
                }
                insert.setLong(1, ids.next(SEQUENCE));
                insert.setString(2, event.topic());
                insert.setString(3, FeedTypes.typeOf(event.topic()));
                insert.setString(4, FeedTypes.actionOf(event.topic()));
                insert.setString(5, text(properties.get(CoreEvents.ENTITY_TYPE)));
                insert.setString(6, recordId);
                setLong(insert, 7, recordNum);
                setLong(insert, 8, properties.get(CoreEvents.VERSION) instanceof Number n ? n.longValue() : null);
                setLong(insert, 9, isParty(properties) && recordNum != null ? partyUnits.get(recordNum) : null);
                insert.setString(10, changedFields(properties.get(CoreEvents.CHANGED_FIELDS)));
                insert.setString(11, json);
                insert.setString(12, text(properties.get(CoreEvents.USER)));
                insert.setTimestamp(13, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The org units of the parties the events are about, in one query. */
    private static Map<Long, Long> partyUnits(Connection connection, List<DomainEvent> events) throws SQLException {
        List<Long> parties = events.stream().filter(event -> isParty(event.properties()))
                .map(event -> Ids.parse(text(event.properties().get(CoreEvents.ID)))).flatMap(Optional::stream)
                .distinct().toList();
        Map<Long, Long> units = new HashMap<>();
        boolean postgres = !IdBlocks.isDerby(connection);
        for (int from = 0; from < parties.size(); from += 500) {
            List<Long> slice = parties.subList(from, Math.min(parties.size(), from + 500));
            // PostgreSQL: one statement with an array, parsed once; Derby: the ids written into the list
            try (PreparedStatement query = connection.prepareStatement(postgres ? "SELECT id, org_unit_id FROM party WHERE id = ANY (?)"
                    : "SELECT id, org_unit_id FROM party WHERE id IN ("
                            + slice.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")) {
                if (postgres) {
                    query.setArray(1, connection.createArrayOf("bigint", slice.toArray()));
                }
                readUnits(query, units);
            }
        }
        return units;
    }

    private static void readUnits(PreparedStatement query, Map<Long, Long> units) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long unit = rows.getLong(2);
                if (!rows.wasNull()) {
                    units.put(rows.getLong(1), unit);
                }
            }
        }
    }

    private static boolean isParty(Map<String, Object> properties) {
        return EntityTypes.PARTY.equals(properties.get(CoreEvents.ENTITY_TYPE));
    }

    /** The changed field names joined by commas, as many as fit the column. */
    static String changedFields(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof String[] array) {
            names.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(name -> names.add(String.valueOf(name)));
        } else if (value != null) {
            names.add(value.toString());
        }
        if (names.isEmpty()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (String name : names) {
            if (joined.length() + name.length() + 1 > CHANGED_FIELDS_LENGTH) {
                break;
            }
            joined.append(joined.length() == 0 ? "" : ",").append(name);
        }
        return joined.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
