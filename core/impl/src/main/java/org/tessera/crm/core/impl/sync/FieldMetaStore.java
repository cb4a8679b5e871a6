package org.tessera.crm.core.impl.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.sync.FieldMetaDTO;

/**
 * The {@code party_field_meta} rows, on the caller's connection so that they are written in the
 * transaction of the change they date. A field's row is replaced by each change of that field. A
 * creation writes no row, only the party's {@code created_source}: a field without a row has not
 * changed since the party was created (so a bulk load writes one column more, not a row per field).
 */
public final class FieldMetaStore {
    /** The longest field key stored. */
    public static final int MAX_FIELD = 200;

    private final Connection connection;

    public FieldMetaStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * The date and source of every non-empty field of {@code party}, and of the fields emptied since
     * its creation, by key. For a party created before field dates existed, only the fields changed since.
     */
    public Map<String, FieldMetaDTO> dates(PartyDTO party) throws SQLException {
        long id = Long.parseLong(party.id);
        Map<String, FieldMetaDTO> dates = read(id);
        FieldStamp created = creation(party);
        if (created.source() != null) {
            for (String field : PartyFields.values(party).keySet()) {
                dates.computeIfAbsent(field, key -> new FieldMetaDTO(key, created.at(), created.source()));
            }
        }
        return dates;
    }

    /**
     * What an undated field of {@code party} is as old as: its creation, by the system that created
     * it; for a party created before field dates existed, its last update, by no known system.
     */
    public FieldStamp creation(PartyDTO party) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT created_source FROM party WHERE id = ?")) {
            query.setLong(1, Long.parseLong(party.id));
            try (ResultSet row = query.executeQuery()) {
                String source = row.next() ? row.getString(1) : null;
                return source == null ? new FieldStamp(party.updatedAt, null) : new FieldStamp(party.createdAt, source);
            }
        }
    }

    /** Records which system created a party written by JPA (the bulk insert writes the column itself). */
    public void created(long partyId, String source) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE party SET created_source = ? WHERE id = ?")) {
            update.setString(1, source);
            update.setLong(2, partyId);
            update.executeUpdate();
        }
    }

    /** The rows of the fields changed since the party's creation, by key. */
    public Map<String, FieldMetaDTO> read(long partyId) throws SQLException {
        Map<String, FieldMetaDTO> meta = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT field_key, modified_at, source_system FROM party_field_meta WHERE party_id = ?")) {
            query.setLong(1, partyId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    meta.put(rows.getString(1), new FieldMetaDTO(rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getString(3)));
                }
            }
        }
        return meta;
    }

    /** Dates the fields of several parties: {@code stamps} by party id, then by field key. */
    public void write(Map<Long, Map<String, FieldStamp>> stamps) throws SQLException {
        if (stamps.values().stream().allMatch(Map::isEmpty)) {
            return;
        }
        // delete then insert: portable across Derby and PostgreSQL 14, which share no upsert statement
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM party_field_meta WHERE party_id = ? AND field_key = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO party_field_meta (party_id, field_key, modified_at, source_system) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Long, Map<String, FieldStamp>> party : stamps.entrySet()) {
                for (Map.Entry<String, FieldStamp> field : party.getValue().entrySet()) {
                    delete.setLong(1, party.getKey());
                    delete.setString(2, field.getKey());
                    delete.addBatch();
                    insert.setLong(1, party.getKey());
                    insert.setString(2, field.getKey());
                    insert.setTimestamp(3, Timestamp.from(stored(field.getValue().at())));
                    insert.setString(4, field.getValue().source());
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    /** Dates the fields of one party. */
    public void write(long partyId, Map<String, FieldStamp> stamps) throws SQLException {
        write(Map.of(partyId, stamps));
    }

    /** The precision both databases keep, so that a time read back equals the time written. */
    public static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
