package org.tessera.crm.core.kit.merge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.tessera.crm.core.api.merge.MergeRefusedException;
import org.tessera.crm.core.api.merge.ModuleMergeDTO;
import org.tessera.crm.core.api.merge.MovedRecordDTO;
import org.tessera.crm.core.api.merge.PartyMerge;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Re-points the party columns of a module's tables from a merge's victims to its survivor, with
 * JDBC on the merge's connection, and moves exactly those rows back on undo. A module's
 * {@link org.tessera.crm.core.api.merge.MergeContributor} is then a few lines:
 *
 * <pre>
 * private final PartyRepointing repointing = new PartyRepointing("dealer",
 *         RepointedTable.of("VEHICLE", "dealer_vehicle", "owner_party_id", "id").versioned("version"));
 *
 * public ModuleMergeDTO merge(Connection c, PartyMerge merge) { return repointing.merge(c, merge); }
 * public void undo(Connection c, PartyMerge merge, List&lt;MovedRecordDTO&gt; moved) { repointing.undo(c, merge, moved); }
 * </pre>
 *
 * <p>Each moved row is updated only while it still points at the party it is moved from, so
 * that a row changed since (by undo time) is named in a refusal instead of being overwritten.
 */
public final class PartyRepointing {
    private static final String KEY_SEPARATOR = ":";

    private final String module;
    private final List<RepointedTable> tables;

    public PartyRepointing(String module, RepointedTable... tables) {
        this.module = module;
        this.tables = List.of(tables);
    }

    public String module() {
        return module;
    }

    /** @throws MergeRefusedException on a clash in a table whose rule is {@link ClashRule#REFUSE} */
    public ModuleMergeDTO merge(Connection connection, PartyMerge merge) {
        ModuleMergeDTO result = new ModuleMergeDTO(module);
        long survivor = partyId(merge.survivorId());
        List<Long> victims = merge.victimIds().stream().map(PartyRepointing::partyId).toList();
        Set<Long> merged = new HashSet<>(victims);
        merged.add(survivor);
        try {
            for (RepointedTable table : tables) {
                merge(connection, table, survivor, victims, merged, result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(module + " cannot re-point its records: " + e.getMessage(), e);
        }
        return result;
    }

    private void merge(Connection connection, RepointedTable table, long survivor, List<Long> victims, Set<Long> merged,
            ModuleMergeDTO result) throws SQLException {
        Set<List<Object>> occupied = table.clashColumns.isEmpty() ? Set.of() : clashValues(connection, table, survivor);
        List<Row> rows = victimRows(connection, table, victims);
        try (PreparedStatement update = connection.prepareStatement(updateSql(table))) {
            int batched = 0;
            for (Row row : rows) {
                MovedRecordDTO record = new MovedRecordDTO(module, table.recordType, row.recordId(), table.partyColumn,
                        Ids.format(row.party), Ids.format(survivor));
                if (row.linked != null && merged.contains(row.linked)) {
                    record.reason = "links party " + row.party + " to party " + row.linked + ", both of this merge";
                    result.kept.add(record);
                    continue;
                }
                if (!table.clashColumns.isEmpty() && !occupied.add(row.clash)) {
                    String reason = "party " + survivor + " already has a " + table.recordType + " with the same "
                            + String.join(", ", table.clashColumns) + " (" + row.clash.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + ") as " + table.recordType + " " + row.recordId() + " of party " + row.party;
                    if (table.clashRule == ClashRule.REFUSE) {
                        throw new MergeRefusedException(module, reason);
                    }
                    record.reason = reason;
                    result.kept.add(record);
                    continue;
                }
                bind(update, table, survivor, row.party, row.keys);
                update.addBatch();
                batched++;
                result.moved.add(record);
            }
            if (batched > 0) {
                update.executeBatch();
            }
        }
    }

    /**
     * Moves back the records of {@code moved} that belong to this module's tables.
     *
     * @throws MergeRefusedException naming the first record that no longer points at the survivor
     *                               or cannot return to its party
     */
    public void undo(Connection connection, PartyMerge merge, List<MovedRecordDTO> moved) {
        long survivor = partyId(merge.survivorId());
        for (RepointedTable table : tables) {
            List<MovedRecordDTO> own = moved.stream().filter(m -> table.holds(m.recordType, m.field)).toList();
            if (own.isEmpty()) {
                continue;
            }
            try {
                int[] keyTypes = keyTypes(connection, table);
                try (PreparedStatement update = connection.prepareStatement(updateSql(table))) {
                    for (MovedRecordDTO record : own) {
                        bind(update, table, partyId(record.fromPartyId), survivor, keys(record.recordId, keyTypes));
                        if (update.executeUpdate() != 1) {
                            throw new MergeRefusedException(module, table.recordType + " " + record.recordId
                                    + " no longer belongs to party " + survivor + ": it changed or was deleted since the merge");
                        }
                    }
                }
            } catch (SQLException e) {
                throw new MergeRefusedException(module, table.recordType + " records cannot move back: " + e.getMessage());
            }
        }
    }

    /**
     * Empties the shared cache of {@code tx}'s persistence unit: for a contributor's
     * {@code committed()} when the unit caches rows that were re-pointed behind JPA's back.
     */
    public static void evictAll(Tx tx) {
        tx.required(em -> {
            em.getEntityManagerFactory().getCache().evictAll();
            return null;
        });
    }

    private static String updateSql(RepointedTable table) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table.table).append(" SET ").append(table.partyColumn).append(" = ?");
        if (table.versionColumn != null) {
            sql.append(", ").append(table.versionColumn).append(" = ").append(table.versionColumn).append(" + 1");
        }
        sql.append(" WHERE ").append(table.partyColumn).append(" = ?");
        for (String key : table.keyColumns) {
            sql.append(" AND ").append(key).append(" = ?");
        }
        if (table.condition != null) {
            sql.append(" AND (").append(table.condition).append(')');
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement update, RepointedTable table, long to, long from, List<Object> keys) throws SQLException {
        update.setLong(1, to);
        update.setLong(2, from);
        for (int i = 0; i < keys.size(); i++) {
            update.setObject(3 + i, keys.get(i));
        }
    }

    private static List<Row> victimRows(Connection connection, RepointedTable table, List<Long> victims) throws SQLException {
        List<String> columns = new ArrayList<>(table.keyColumns);
        columns.add(table.partyColumn);
        columns.addAll(table.clashColumns);
        if (table.linkColumn != null) {
            columns.add(table.linkColumn);
        }
        String sql = "SELECT " + String.join(", ", columns) + " FROM " + table.table + " WHERE " + table.partyColumn + " IN ("
                + String.join(", ", victims.stream().map(v -> "?").toList()) + ")"
                + (table.condition == null ? "" : " AND (" + table.condition + ")")
                + " ORDER BY " + String.join(", ", table.keyColumns);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < victims.size(); i++) {
                query.setLong(i + 1, victims.get(i));
            }
            try (ResultSet result = query.executeQuery()) {
                int keyCount = table.keyColumns.size();
                int clashCount = table.clashColumns.size();
                while (result.next()) {
                    List<Object> keys = new ArrayList<>();
                    for (int i = 1; i <= keyCount; i++) {
                        keys.add(result.getObject(i));
                    }
                    long party = result.getLong(keyCount + 1);
                    List<Object> clash = new ArrayList<>();
                    for (int i = 0; i < clashCount; i++) {
                        clash.add(comparable(result.getObject(keyCount + 2 + i)));
                    }
                    Long linked = null;
                    if (table.linkColumn != null) {
                        long value = result.getLong(keyCount + 2 + clashCount);
                        linked = result.wasNull() ? null : value;
                    }
                    rows.add(new Row(keys, party, clash, linked));
                }
            }
        }
        // victims in the order of the request, so that the first victim's row wins a clash between victims
        rows.sort((a, b) -> Integer.compare(victims.indexOf(a.party), victims.indexOf(b.party)));
        return rows;
    }

    private static Set<List<Object>> clashValues(Connection connection, RepointedTable table, long survivor) throws SQLException {
        String sql = "SELECT " + String.join(", ", table.clashColumns) + " FROM " + table.table + " WHERE " + table.partyColumn + " = ?"
                + (table.condition == null ? "" : " AND (" + table.condition + ")");
        Set<List<Object>> values = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, survivor);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= table.clashColumns.size(); i++) {
                        row.add(comparable(result.getObject(i)));
                    }
                    values.add(row);
                }
            }
        }
        return values;
    }

    /** Numbers of different JDBC classes (Integer, Long, BigDecimal) compare by value. */
    private static Object comparable(Object value) {
        if (value instanceof Number number) {
            return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value;
    }

    /** The SQL types of the key columns, to bind a logged key back with its type. */
    private static int[] keyTypes(Connection connection, RepointedTable table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + String.join(", ", table.keyColumns) + " FROM " + table.table + " WHERE 1 = 0");
                ResultSet result = query.executeQuery()) {
            ResultSetMetaData meta = result.getMetaData();
            int[] types = new int[table.keyColumns.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = meta.getColumnType(i + 1);
            }
            return types;
        }
    }

    private static List<Object> keys(String recordId, int[] types) {
        String[] parts = recordId.split(KEY_SEPARATOR, types.length);
        if (parts.length != types.length) {
            throw new IllegalArgumentException("record key " + recordId + " does not have " + types.length + " parts");
        }
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            keys.add(switch (types[i]) {
                case Types.BIGINT -> Long.valueOf(parts[i]);
                case Types.INTEGER, Types.SMALLINT -> Integer.valueOf(parts[i]);
                case Types.DECIMAL, Types.NUMERIC -> new java.math.BigDecimal(parts[i]);
                default -> parts[i];
            });
        }
        return keys;
    }

    private static long partyId(String id) {
        return Ids.parse(id).orElseThrow(() -> new IllegalArgumentException("not a party id: " + id));
    }

    private record Row(List<Object> keys, long party, List<Object> clash, Long linked) {
        String recordId() {
            return keys.stream().map(String::valueOf).collect(Collectors.joining(KEY_SEPARATOR));
        }
    }
}
