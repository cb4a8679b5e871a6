package org.tessera.crm.core.impl.duplicate;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.impl.db.CustomPlans;
import org.tessera.crm.core.impl.db.IdBlocks;

/**
 * The matching keys of every party ({@code party_match_key}), written in the party's own
 * transaction, and the lookups the duplicate check makes by them. Also reads the organizations a
 * party is currently {@code EMPLOYEE_OF}, the one rule field that is not in the party's row.
 */
final class MatchKeyTable {
    /** Parameters per IN list: well below every database's limit. */
    static final int IN_LIST = 500;

    private final Connection connection;

    MatchKeyTable(Connection connection) {
        this.connection = connection;
    }

    /** Replaces the keys of each party by the given ones. */
    void replace(Map<Long, Set<String>> keysByParty) throws SQLException {
        delete(keysByParty.keySet());
        insert(keysByParty);
    }

    /** Writes the keys of parties that have none yet: those created in this transaction. */
    void insert(Map<Long, Set<String>> keysByParty) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO party_match_key (party_id, match_key) VALUES (?, ?)")) {
            int pending = 0;
            for (Map.Entry<Long, Set<String>> e : keysByParty.entrySet()) {
                for (String key : e.getValue()) {
                    insert.setLong(1, e.getKey());
                    insert.setString(2, key);
                    insert.addBatch();
                    pending++;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /**
     * One equality delete per party, in one JDBC batch: Derby runs {@code party_id IN (…many…)} as a
     * scan of a whole key index rather than a probe per id, which made every batch of an import or
     * a rebuild read every key stored so far (measured: 4.3 s per 500 parties at 20,000 parties,
     * against 5–12 ms for the batch, whatever the size).
     */
    void delete(Collection<Long> partyIds) throws SQLException {
        if (partyIds.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM party_match_key WHERE party_id = ?")) {
            for (Long id : partyIds) {
                s.setLong(1, id);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The parties holding any of {@code keys}, by key; at most {@code limit} parties in all. */
    Map<String, Set<Long>> holders(Collection<String> keys, int limit) throws SQLException {
        Map<String, Set<Long>> result = new HashMap<>();
        Set<Long> parties = new HashSet<>();
        for (List<String> chunk : chunks(new ArrayList<>(keys))) {
            try (PreparedStatement s = connection.prepareStatement("SELECT match_key, party_id FROM party_match_key WHERE match_key IN ("
                    + marks(chunk.size()) + ")")) {
                s.setMaxRows(limit * 4);
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long party = rs.getLong(2);
                        if (parties.size() >= limit && !parties.contains(party)) {
                            continue;
                        }
                        parties.add(party);
                        result.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(party);
                    }
                }
            }
        }
        return result;
    }

    /**
     * The parties holding each of {@code keys}, at most {@code perKey} for a key, for many rows at
     * once: one query per {@value #IN_LIST} keys. A key missing from the answer was not looked up,
     * because its query read more rows than {@code perKey} per key on average (poor keys shared by
     * many parties): the caller then asks for it alone, under the bound of {@link #holders}. A key
     * looked up and held by nobody maps to an empty set.
     */
    Map<String, Set<Long>> holdersOfEach(Collection<String> keys, int perKey) throws SQLException {
        // planned with the keys: a generic plan made while party_match_key was small reads all of it
        return CustomPlans.during(connection, () -> holdersOfEachKey(keys, perKey));
    }

    private Map<String, Set<Long>> holdersOfEachKey(Collection<String> keys, int perKey) throws SQLException {
        Map<String, Set<Long>> result = new HashMap<>();
        boolean postgres = !IdBlocks.isDerby(connection);
        for (List<String> chunk : chunks(new ArrayList<>(keys))) {
            int maxRows = chunk.size() * perKey;
            Map<String, Set<Long>> found = new HashMap<>();
            int read = 0;
            try (PreparedStatement s = connection.prepareStatement(postgres
                    ? "SELECT match_key, party_id FROM party_match_key WHERE match_key = ANY (?)"
                    : "SELECT match_key, party_id FROM party_match_key WHERE match_key IN (" + marks(chunk.size()) + ")")) {
                s.setMaxRows(maxRows);
                if (postgres) {
                    // one array parameter: one statement text whatever the number of keys, as the external-id lookup
                    s.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
                } else {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        Set<Long> parties = found.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>());
                        if (parties.size() < perKey) {
                            parties.add(rs.getLong(2));
                        }
                    }
                }
            }
            if (read < maxRows) {
                chunk.forEach(key -> result.put(key, found.getOrDefault(key, Set.of())));
            }
        }
        return result;
    }

    /** The organizations each party is EMPLOYEE_OF on {@code today}. */
    Map<Long, Set<String>> employers(Collection<Long> partyIds, LocalDate today) throws SQLException {
        Map<Long, Set<String>> result = new HashMap<>();
        for (List<Long> ids : chunks(new ArrayList<>(partyIds))) {
            try (PreparedStatement s = connection.prepareStatement("SELECT from_party_id, to_party_id FROM party_relationship"
                    + " WHERE rel_type = 'EMPLOYEE_OF' AND (valid_from IS NULL OR valid_from <= ?)"
                    + " AND (valid_thru IS NULL OR valid_thru > ?) AND from_party_id IN (" + marks(ids.size()) + ")")) {
                s.setDate(1, Date.valueOf(today));
                s.setDate(2, Date.valueOf(today));
                for (int i = 0; i < ids.size(); i++) {
                    s.setLong(i + 3, ids.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(String.valueOf(rs.getLong(2)));
                    }
                }
            }
        }
        return result;
    }

    /** The next {@code size} party ids after {@code after}, in id order: the pages of a rebuild. */
    List<Long> partyIdsAfter(long after, int size) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT id FROM party WHERE id > ? ORDER BY id")) {
            s.setMaxRows(size);
            s.setLong(1, after);
            try (ResultSet rs = s.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        }
    }

    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i += IN_LIST) {
            result.add(values.subList(i, Math.min(values.size(), i + IN_LIST)));
        }
        return result;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
