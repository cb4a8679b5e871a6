package org.tessera.crm.core.kit.merge;

import java.util.List;
import java.util.Objects;

/**
 * One column of a module's table that holds a party id, and how its rows behave in a merge.
 *
 * <pre>
 * RepointedTable.of("CONTACT_ROLE", "sales_opportunity_contact", "party_id", "opportunity_id", "seq_no")
 *         .clashOn(ClashRule.REFUSE, "opportunity_id")
 * </pre>
 *
 * <p>Table and column names come from the module's code, never from a request.
 */
public final class RepointedTable {
    final String recordType;
    final String table;
    final String partyColumn;
    final List<String> keyColumns;
    final List<String> clashColumns;
    final ClashRule clashRule;
    final String condition;
    final String versionColumn;
    final String linkColumn;

    private RepointedTable(String recordType, String table, String partyColumn, List<String> keyColumns, List<String> clashColumns,
            ClashRule clashRule, String condition, String versionColumn, String linkColumn) {
        this.recordType = Objects.requireNonNull(recordType);
        this.table = Objects.requireNonNull(table);
        this.partyColumn = Objects.requireNonNull(partyColumn);
        this.keyColumns = List.copyOf(keyColumns);
        this.clashColumns = List.copyOf(clashColumns);
        this.clashRule = clashRule;
        this.condition = condition;
        this.versionColumn = versionColumn;
        this.linkColumn = linkColumn;
        if (this.keyColumns.isEmpty()) {
            throw new IllegalArgumentException("a repointed table needs at least one key column: " + table);
        }
    }

    /**
     * @param keyColumns the columns that, with the party column, identify a row
     */
    public static RepointedTable of(String recordType, String table, String partyColumn, String... keyColumns) {
        return new RepointedTable(recordType, table, partyColumn, List.of(keyColumns), List.of(), null, null, null, null);
    }

    /**
     * A victim's row clashes when the survivor (or another victim's row already moved) has a row
     * with the same values in {@code columns}: the pairs a unique constraint with the party column
     * forbids, or that the module considers the same fact.
     */
    public RepointedTable clashOn(ClashRule rule, String... columns) {
        return new RepointedTable(recordType, table, partyColumn, keyColumns, List.of(columns), Objects.requireNonNull(rule), condition,
                versionColumn, linkColumn);
    }

    /** Only rows matching this SQL condition (fixed text from the module, e.g. {@code entity_type = 'PARTY'}). */
    public RepointedTable where(String sqlCondition) {
        return new RepointedTable(recordType, table, partyColumn, keyColumns, clashColumns, clashRule, sqlCondition, versionColumn, linkColumn);
    }

    /** Increments the row's optimistic-lock column when it moves, so that an edit begun before the merge fails. */
    public RepointedTable versioned(String column) {
        return new RepointedTable(recordType, table, partyColumn, keyColumns, clashColumns, clashRule, condition, column, linkColumn);
    }

    /**
     * A row whose {@code otherPartyColumn} names another party of the merge stays on the victim:
     * moved, it would link the survivor to itself.
     */
    public RepointedTable notLinking(String otherPartyColumn) {
        return new RepointedTable(recordType, table, partyColumn, keyColumns, clashColumns, clashRule, condition, versionColumn, otherPartyColumn);
    }

    boolean holds(String type, String field) {
        return recordType.equals(type) && partyColumn.equals(field);
    }
}
