package org.tessera.crm.core.impl.imports;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.impl.db.CustomPlans;
import org.tessera.crm.core.impl.support.ExternalIds;
import org.tessera.crm.core.kit.FieldErrors;

/**
 * Finds the stored records holding external ids, by lookup keys {@code source + NUL + value}, in
 * a table of the shape {@code <table> (<owner column>, source, external_id)} with a unique index
 * on (source, external_id): {@code party_external_id} and {@code activity_external_id}.
 */
final class ExternalIdIndex {
    static final ExternalIdIndex PARTIES = new ExternalIdIndex("party_external_id", "party_id");
    static final ExternalIdIndex ACTIVITIES = new ExternalIdIndex("activity_external_id", "activity_id");

    private final String table;
    private final String ownerColumn;

    private ExternalIdIndex(String table, String ownerColumn) {
        this.table = table;
        this.ownerColumn = ownerColumn;
    }

    /** The external ids of a row as lookup keys. */
    static List<String> keys(Map<String, String> externalIds) {
        List<String> keys = new ArrayList<>();
        externalIds.forEach((source, value) -> keys.add(key(source, value)));
        return keys;
    }

    /**
     * The lookup keys of the external ids of a row as sent, those {@link ExternalIds#check} accepts
     * only: a row holding any other is rejected, and a value the column cannot hold must not reach
     * the query.
     */
    static Set<String> lookupKeys(Map<String, String> externalIds) {
        Set<String> keys = new LinkedHashSet<>();
        if (externalIds != null) {
            externalIds.forEach((source, value) -> {
                FieldErrors errors = new FieldErrors();
                ExternalIds.check(Collections.singletonMap(source, value), errors);
                if (errors.isEmpty()) {
                    keys.add(key(source, value));
                }
            });
        }
        return keys;
    }

    static String key(String source, String value) {
        return source + '\u0000' + value;
    }

    /**
     * The stored record holding each of {@code keys}, by one of two plans. On PostgreSQL, one query
     * per source with the values as an array ({@code external_id = ANY (?)}), which probes the unique
     * (source, external_id) index for each: a statement is a network round trip there, and a chunk
     * of 500 new rows otherwise paid 500 of them. On Derby, one equality lookup per key through one
     * prepared statement: Derby probes an IN list only on an index's first column, so
     * {@code source = ? AND external_id IN (...)} read every id of the source, once per chunk, and in
     * an embedded database a lookup is a call, not a round trip.
     */
    Map<String, Long> holders(Connection connection, Set<String> keys) throws SQLException {
        Map<String, Long> holders = new HashMap<>();
        if (keys.isEmpty()) {
            return holders;
        }
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return CustomPlans.during(connection, () -> {
                holdersBySource(connection, keys, holders);
                return holders;
            });
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + ownerColumn + " FROM " + table + " WHERE source = ? AND external_id = ?")) {
            for (String key : keys) {
                int cut = key.indexOf('\u0000');
                statement.setString(1, key.substring(0, cut));
                statement.setString(2, key.substring(cut + 1));
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        holders.put(key, rs.getLong(1));
                    }
                }
            }
        }
        return holders;
    }

    private void holdersBySource(Connection connection, Set<String> keys, Map<String, Long> holders) throws SQLException {
        Map<String, List<String>> valuesBySource = new LinkedHashMap<>();
        for (String key : keys) {
            int cut = key.indexOf('\u0000');
            valuesBySource.computeIfAbsent(key.substring(0, cut), s -> new ArrayList<>()).add(key.substring(cut + 1));
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + ownerColumn + ", external_id FROM " + table + " WHERE source = ? AND external_id = ANY (?)")) {
            for (Map.Entry<String, List<String>> source : valuesBySource.entrySet()) {
                Array values = connection.createArrayOf("varchar", source.getValue().toArray());
                try {
                    statement.setString(1, source.getKey());
                    statement.setArray(2, values);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            holders.put(key(source.getKey(), rs.getString(2)), rs.getLong(1));
                        }
                    }
                } finally {
                    values.free();
                }
            }
        }
    }
}
