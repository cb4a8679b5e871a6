package org.tessera.crm.core.kit.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tessera.crm.core.api.privacy.ErasureContext;
import org.tessera.crm.core.api.privacy.ErasureItemDTO;
import org.tessera.crm.core.api.privacy.ErasureResultDTO;
import org.tessera.crm.core.api.privacy.PersonalDataContext;
import org.tessera.crm.core.api.privacy.PersonalDataSectionDTO;
import org.tessera.crm.core.kit.Ids;

/**
 * The personal data of a module, as the list of its {@link PersonalTable}s: exports and erases them
 * in plain SQL on the core's connection, so the module's part commits with the core's.
 */
public final class PersonalDataTables {
    private final String module;
    private final String retention;
    private final List<PersonalTable> tables;

    private PersonalDataTables(String module, String retention, List<PersonalTable> tables) {
        this.module = Objects.requireNonNull(module, "module");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.tables = List.copyOf(tables);
    }

    /**
     * @param retention what the module keeps after an erasure and why, in words
     */
    public static PersonalDataTables of(String module, String retention, PersonalTable... tables) {
        return new PersonalDataTables(module, retention, List.of(tables));
    }

    public String module() {
        return module;
    }

    public String retention() {
        return retention;
    }

    /** The person's rows of every table, by entity type (a table read twice under one type is merged). */
    public PersonalDataSectionDTO export(String partyId, PersonalDataContext context) {
        long party = partyKey(partyId);
        PersonalDataSectionDTO section = new PersonalDataSectionDTO();
        section.module = module;
        section.retention = retention;
        try {
            for (PersonalTable table : tables) {
                section.recordsOf(table.entityType).addAll(rows(context.connection(), table, party));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(module + ": cannot read the personal data: " + e.getMessage(), e);
        }
        return section;
    }

    /** Blanks and replaces the declared columns of the person's rows that are not retained; reports both. */
    public ErasureResultDTO erase(String partyId, ErasureContext context) {
        long party = partyKey(partyId);
        ErasureResultDTO result = new ErasureResultDTO(module);
        try {
            for (PersonalTable table : tables) {
                if (table.erases()) {
                    erase(context, table, party, result);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(module + ": cannot erase the personal data: " + e.getMessage(), e);
        }
        return result;
    }

    private void erase(ErasureContext context, PersonalTable table, long party, ErasureResultDTO result) throws SQLException {
        Connection connection = context.connection();
        String erasable = "(" + table.condition + ")";
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < table.placeholders(); i++) {
            params.add(party);
        }
        if (table.keptAlways != null) {
            long kept = ids(connection, "SELECT " + table.idColumn + " FROM " + table.table + " WHERE " + erasable, params).size();
            if (kept > 0) {
                result.kept.add(new ErasureItemDTO(table.entityType, kept, List.of(), table.keptAlways));
            }
            return;
        }
        if (table.keptDateColumn != null) {
            Timestamp since = Timestamp.from(context.now().atOffset(ZoneOffset.UTC).minus(table.keptFor).toInstant());
            List<Object> keptParams = new ArrayList<>(params);
            keptParams.add(since);
            long kept = ids(connection, "SELECT " + table.idColumn + " FROM " + table.table + " WHERE " + erasable + " AND "
                    + table.keptDateColumn + " >= ?", keptParams).size();
            if (kept > 0) {
                result.kept.add(new ErasureItemDTO(table.entityType, kept, List.of(), table.keptReason));
            }
            erasable += " AND (" + table.keptDateColumn + " IS NULL OR " + table.keptDateColumn + " < ?)";
            params.add(since);
        }
        List<String> ids = ids(connection, "SELECT " + table.idColumn + " FROM " + table.table + " WHERE " + erasable, params);
        // the statements run even when no row matches: a column the declaration names wrongly fails every erasure, not only some
        if (!table.blanked.isEmpty() || !table.replaced.isEmpty()) {
            List<String> sets = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            table.blanked.forEach(column -> sets.add(column + " = NULL"));
            table.replaced.forEach((column, value) -> {
                sets.add(column + " = ?");
                values.add(value);
            });
            if (table.versioned) {
                sets.add("version = version + 1");
            }
            values.addAll(params);
            update(connection, "UPDATE " + table.table + " SET " + String.join(", ", sets) + " WHERE " + erasable, values);
        }
        if (table.customTable != null) {
            List<Object> values = new ArrayList<>(params);
            values.add(table.entityType);
            values.add(Boolean.TRUE);
            update(connection, "DELETE FROM " + table.customTable + " WHERE " + table.customOwner + " IN (SELECT " + table.idColumn
                    + " FROM " + table.table + " WHERE " + erasable + ") AND field_key IN (SELECT field_key FROM custom_field_def"
                    + " WHERE entity_type = ? AND is_sensitive = ?)", values);
        }
        if (!ids.isEmpty()) {
            context.maskAudit(table.entityType, ids);
            result.erased.add(new ErasureItemDTO(table.entityType, ids.size(), table.erasedFields(), null));
        }
    }

    private static List<Map<String, Object>> rows(Connection connection, PersonalTable table, long party) throws SQLException {
        List<String> columns = new ArrayList<>();
        columns.add(table.idColumn);
        table.exported.stream().filter(column -> !column.equals(table.idColumn)).forEach(columns::add);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + String.join(", ", columns) + " FROM " + table.table
                + " WHERE " + table.condition + " ORDER BY " + table.idColumn)) {
            for (int i = 1; i <= table.placeholders(); i++) {
                statement.setLong(i, party);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = Columns.value(rs.getObject(i + 1));
                        row.put(Columns.field(columns.get(i)), i == 0 ? String.valueOf(value) : value);
                    }
                    rows.add(row);
                    byId.put(String.valueOf(row.get(Columns.field(table.idColumn))), row);
                }
            }
        }
        if (table.customTable != null && !byId.isEmpty()) {
            addCustomValues(connection, table, party, byId);
        }
        return rows;
    }

    private static void addCustomValues(Connection connection, PersonalTable table, long party, Map<String, Map<String, Object>> byId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + table.customOwner + ", field_key, " + table.customValue
                + " FROM " + table.customTable + " WHERE " + table.customOwner + " IN (SELECT " + table.idColumn + " FROM " + table.table
                + " WHERE " + table.condition + ") ORDER BY " + table.customOwner + ", field_key")) {
            for (int i = 1; i <= table.placeholders(); i++) {
                statement.setLong(i, party);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = byId.get(String.valueOf(rs.getObject(1)));
                    if (row != null) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> custom = (Map<String, Object>) row.computeIfAbsent("customFields", key -> new LinkedHashMap<>());
                        custom.put(rs.getString(2), Columns.value(rs.getObject(3)));
                    }
                }
            }
        }
    }

    private static List<String> ids(Connection connection, String sql, List<Object> params) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(String.valueOf(rs.getObject(1)));
                }
            }
        }
        return ids;
    }

    private static int update(Connection connection, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    private static long partyKey(String partyId) {
        return Ids.parse(partyId).orElseThrow(() -> new IllegalArgumentException("not a party id: " + partyId));
    }
}
