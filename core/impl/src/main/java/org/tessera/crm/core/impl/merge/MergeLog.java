package org.tessera.crm.core.impl.merge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.tessera.crm.core.impl.db.IdBlocks;

/**
 * The merge log, written and read with JDBC on the merge's connection: each merge, every record it
 * moved (and the survivor's fields and victims' statuses it changed), and the modules that took part.
 */
final class MergeLog {
    /** The record type of a survivor field the merge changed; its record id is the field's name. */
    static final String PARTY_FIELD = "PARTY_FIELD";
    /** The record type of a victim's status; its record id is the victim's id. */
    static final String PARTY_STATUS = "PARTY_STATUS";

    record Entry(long id, long survivorId, List<String> victimIds, String fieldSources, Instant mergedAt, String mergedBy,
            Instant undoneAt, String undoneBy) {
    }

    record Move(String module, String recordType, String recordId, String field, String fromPartyId, String toPartyId,
            String oldValue, String newValue) {
    }

    private final Connection connection;

    MergeLog(Connection connection) {
        this.connection = connection;
    }

    long nextId() throws SQLException {
        return new IdBlocks(connection).next("merge_log_seq");
    }

    void insert(Entry entry, List<Move> moves, Collection<String> modules) throws SQLException {
        try (PreparedStatement log = connection.prepareStatement("INSERT INTO merge_log (id, survivor_id, victim_ids, field_sources,"
                + " merged_at, merged_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            log.setLong(1, entry.id());
            log.setLong(2, entry.survivorId());
            log.setString(3, String.join(",", entry.victimIds()));
            log.setString(4, entry.fieldSources());
            log.setTimestamp(5, Timestamp.from(entry.mergedAt()));
            log.setString(6, entry.mergedBy());
            log.executeUpdate();
        }
        try (PreparedStatement move = connection.prepareStatement("INSERT INTO merge_move (merge_id, seq_no, module_name, record_type,"
                + " record_id, field_name, from_party_id, to_party_id, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (Move m : moves) {
                move.setLong(1, entry.id());
                move.setInt(2, ++seq);
                move.setString(3, m.module());
                move.setString(4, m.recordType());
                move.setString(5, m.recordId());
                move.setString(6, m.field());
                setId(move, 7, m.fromPartyId());
                setId(move, 8, m.toPartyId());
                move.setString(9, m.oldValue());
                move.setString(10, m.newValue());
                move.addBatch();
            }
            if (seq > 0) {
                move.executeBatch();
            }
        }
        addModules(entry.id(), modules);
    }

    void addModules(long mergeId, Collection<String> modules) throws SQLException {
        try (PreparedStatement module = connection.prepareStatement("INSERT INTO merge_module (merge_id, module_name) VALUES (?, ?)")) {
            for (String name : modules) {
                module.setLong(1, mergeId);
                module.setString(2, name);
                module.addBatch();
            }
            if (!modules.isEmpty()) {
                module.executeBatch();
            }
        }
    }

    /** Appends moves after those logged already (a module catching up). */
    void appendMoves(long mergeId, List<Move> moves) throws SQLException {
        int last;
        try (PreparedStatement max = connection.prepareStatement("SELECT MAX(seq_no) FROM merge_move WHERE merge_id = ?")) {
            max.setLong(1, mergeId);
            try (ResultSet rs = max.executeQuery()) {
                rs.next();
                last = rs.getInt(1);
            }
        }
        try (PreparedStatement move = connection.prepareStatement("INSERT INTO merge_move (merge_id, seq_no, module_name, record_type,"
                + " record_id, field_name, from_party_id, to_party_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Move m : moves) {
                move.setLong(1, mergeId);
                move.setInt(2, ++last);
                move.setString(3, m.module());
                move.setString(4, m.recordType());
                move.setString(5, m.recordId());
                move.setString(6, m.field());
                setId(move, 7, m.fromPartyId());
                setId(move, 8, m.toPartyId());
                move.addBatch();
            }
            if (!moves.isEmpty()) {
                move.executeBatch();
            }
        }
    }

    Optional<Entry> find(long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT survivor_id, victim_ids, field_sources, merged_at, merged_by,"
                + " undone_at, undone_by FROM merge_log WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp undone = rs.getTimestamp(6);
                return Optional.of(new Entry(id, rs.getLong(1), Arrays.asList(rs.getString(2).split(",")), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), undone == null ? null : undone.toInstant(), rs.getString(7)));
            }
        }
    }

    /** The merges not undone that {@code module} did not take part in, oldest first. */
    List<Long> missedBy(String module) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT l.id FROM merge_log l WHERE l.undone_at IS NULL AND NOT EXISTS"
                + " (SELECT 1 FROM merge_module m WHERE m.merge_id = l.id AND m.module_name = ?) ORDER BY l.id")) {
            query.setString(1, module);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    List<Move> moves(long id) throws SQLException {
        List<Move> moves = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT module_name, record_type, record_id, field_name, from_party_id,"
                + " to_party_id, old_value, new_value FROM merge_move WHERE merge_id = ? ORDER BY seq_no")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    moves.add(new Move(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), id(rs, 5), id(rs, 6),
                            rs.getString(7), rs.getString(8)));
                }
            }
        }
        return moves;
    }

    void markUndone(long id, Instant at, String by) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE merge_log SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, by);
            update.setLong(3, id);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("merge " + id + " was undone concurrently");
            }
        }
    }

    /** Points the victims at the survivor, or (with {@code null}) at nothing. */
    void setMergedInto(List<Long> victims, Long survivor) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE party SET merged_into_id = ? WHERE id = ?")) {
            for (long victim : victims) {
                if (survivor == null) {
                    update.setNull(1, Types.BIGINT);
                } else {
                    update.setLong(1, survivor);
                }
                update.setLong(2, victim);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    Optional<Long> mergedInto(long partyId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT merged_into_id FROM party WHERE id = ? AND status = 'MERGED'")) {
            query.setLong(1, partyId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long value = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(value);
            }
        }
    }

    private static void setId(PreparedStatement statement, int index, String id) throws SQLException {
        if (id == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, Long.parseLong(id));
        }
    }

    private static String id(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : Long.toString(value);
    }
}
