package org.tessera.crm.core.kit.privacy;

import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One table of a module that holds personal data, declared once:
 *
 * <pre>
 * PersonalTable.of("LEAD", "sales_lead", "party_id = ? OR converted_contact_id = ?")
 *         .exports("first_name", "last_name", "email", "phone")
 *         .blanks("first_name", "email", "phone").replaces("last_name", "erased")
 *         .customValues("sales_lead_custom_value", "lead_id", "value_json")
 * </pre>
 *
 * The condition selects the person's rows; each {@code ?} in it is bound to the party id. Names are
 * SQL identifiers written by the module, never input: they are checked to be plain identifiers.
 */
public final class PersonalTable {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    final String entityType;
    final String table;
    final String condition;
    String idColumn = "id";
    final List<String> exported = new ArrayList<>();
    final List<String> blanked = new ArrayList<>();
    final Map<String, String> replaced = new LinkedHashMap<>();
    boolean versioned;
    String customTable;
    String customOwner;
    String customValue;
    String keptDateColumn;
    Period keptFor;
    String keptReason;
    String keptAlways;

    private PersonalTable(String entityType, String table, String condition) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.table = identifier(table);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    /**
     * @param entityType the module's name of the records' type, as its audit records it ({@code LEAD})
     * @param condition  SQL selecting the person's rows, each {@code ?} bound to the party id
     */
    public static PersonalTable of(String entityType, String table, String condition) {
        return new PersonalTable(entityType, table, condition);
    }

    /** The column that identifies a row (default {@code id}), for the export and the audit. */
    public PersonalTable id(String column) {
        this.idColumn = identifier(column);
        return this;
    }

    /** Columns given in the export, besides the id. */
    public PersonalTable exports(String... columns) {
        for (String column : columns) {
            exported.add(identifier(column));
        }
        return this;
    }

    /** Columns set to NULL on erasure. */
    public PersonalTable blanks(String... columns) {
        for (String column : columns) {
            blanked.add(identifier(column));
        }
        return this;
    }

    /** A column set to {@code value} on erasure (for a column that may not be NULL). */
    public PersonalTable replaces(String column, String value) {
        replaced.put(identifier(column), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The table has a {@code version} column: an erasure increments it, so a concurrent edit fails as stale. */
    public PersonalTable versioned() {
        this.versioned = true;
        return this;
    }

    /**
     * The rows' custom values, in {@code table} ({@code field_key} and {@code valueColumn}, owned by
     * {@code ownerColumn} = the row's id): all exported; those of fields defined sensitive for the
     * entity type deleted on erasure.
     */
    public PersonalTable customValues(String table, String ownerColumn, String valueColumn) {
        this.customTable = identifier(table);
        this.customOwner = identifier(ownerColumn);
        this.customValue = identifier(valueColumn);
        return this;
    }

    /**
     * Rows whose {@code dateColumn} (a timestamp) is within {@code period} of the erasure are kept as
     * they are, for {@code reason} (a legal retention); older rows are erased.
     */
    public PersonalTable keptWhile(String dateColumn, Period period, String reason) {
        this.keptDateColumn = identifier(dateColumn);
        this.keptFor = Objects.requireNonNull(period, "period");
        this.keptReason = Objects.requireNonNull(reason, "reason");
        return this;
    }

    /** Every row of the person is kept as it is, for {@code reason} (a record the law or the business requires). */
    public PersonalTable keeps(String reason) {
        this.keptAlways = Objects.requireNonNull(reason, "reason");
        return this;
    }

    boolean erases() {
        return !blanked.isEmpty() || !replaced.isEmpty() || customTable != null || keptAlways != null;
    }

    int placeholders() {
        return (int) condition.chars().filter(c -> c == '?').count();
    }

    List<String> erasedFields() {
        List<String> fields = new ArrayList<>();
        blanked.forEach(column -> fields.add(Columns.field(column)));
        replaced.keySet().forEach(column -> fields.add(Columns.field(column)));
        if (customTable != null) {
            fields.add("customFields (sensitive)");
        }
        return fields;
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not an SQL identifier: " + name);
        }
        return name;
    }
}
