package org.tessera.crm.core.kit.jpa;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.OptimisticLockException;

import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.TesseraException;
import org.tessera.crm.core.api.ValidationException;

/**
 * Turns what the database refused into the exception the REST layer answers with a 4xx naming the
 * field: a version race found at flush into a 409 on {@code version}; a duplicate key into a 409
 * on the field of the unique constraint; a value too long, out of range or missing into a 422.
 * The same SQLStates on Derby and PostgreSQL; the field comes from the constraint or column the
 * database names. A transaction the database rolled back to break a deadlock, a lock wait that
 * timed out or a serialization failure is a 409 as well: nothing of it was kept, and the same
 * request sent again succeeds. Anything else is a real fault and is rethrown unchanged.
 *
 * <p>Unique constraints named {@code uq_<table>_<column>} (or {@code ux_…}) need no declaration;
 * others are named with {@link #uniqueField}.
 */
public final class DatabaseRefusals {
    /** Translation with no constraint declared: the naming conventions only. */
    public static final DatabaseRefusals DEFAULT = new DatabaseRefusals(Map.of());

    private static final Pattern POSTGRES_KEY = Pattern.compile("Key \\(([^)]+)\\)=");
    private static final Pattern DERBY_CONSTRAINT = Pattern.compile("identified by '([^']+)'");
    private static final Pattern DERBY_TABLE = Pattern.compile("defined on '([^']+)'");
    private static final Pattern POSTGRES_TABLE = Pattern.compile("relation \"([^\"]+)\"");
    private static final Pattern POSTGRES_CONSTRAINT = Pattern.compile("unique constraint \"([^\"]+)\"");
    private static final Pattern POSTGRES_NULL_COLUMN = Pattern.compile("null value in column \"([^\"]+)\"");
    private static final Pattern DERBY_NULL_COLUMN = Pattern.compile("Column '([^']+)' {1,2}cannot accept a NULL value");

    /**
     * Deadlock victim or serialization failure (40001, both databases), Derby's lock wait timeout
     * (40XL1) and its lock wait timeout with a deadlock report (40XL2), PostgreSQL's deadlock
     * (40P01) and NOWAIT/lock timeout (55P03).
     */
    private static final Set<String> CONTENTION_STATES = Set.of("40001", "40XL1", "40XL2", "40P01", "55P03");

    private final Map<String, String> uniqueFields;

    private DatabaseRefusals(Map<String, String> uniqueFields) {
        this.uniqueFields = Map.copyOf(uniqueFields);
    }

    /** A translation that names {@code field} when the unique constraint {@code constraint} (any case) is violated. */
    public DatabaseRefusals uniqueField(String constraint, String field) {
        Map<String, String> fields = new HashMap<>(uniqueFields);
        fields.put(constraint.toLowerCase(Locale.ROOT), field);
        return new DatabaseRefusals(fields);
    }

    /** The 4xx exception {@code failure} stands for, or {@code failure} itself when it is a real fault. */
    public RuntimeException translate(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TesseraException domain) {
                // Aries and EclipseLink may wrap what the work threw; callers expect it unwrapped.
                return domain;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException lock) {
                ConflictException conflict = new ConflictException("version", describe(lock.getEntity())
                        + " was changed by someone else while this request ran; read it again and retry");
                // kept as the cause, so that a service that knows the expected version can answer 412 instead (OptimisticLocks)
                conflict.initCause(lock);
                return conflict;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                RuntimeException translated = translate(sql);
                if (translated != null) {
                    return translated;
                }
            }
        }
        return failure;
    }

    private RuntimeException translate(SQLException sql) {
        String state = sql.getSQLState();
        String message = fullMessage(sql);
        if (state.equals("23505")) {
            String field = uniqueField(message);
            return new ConflictException(field, (field == null ? "a value" : field) + " is already used by another record");
        }
        if (state.equals("23502")) {
            String column = firstGroup(message, POSTGRES_NULL_COLUMN, DERBY_NULL_COLUMN);
            return new ValidationException(FieldError.required(column == null ? null : fieldName(column)));
        }
        if (state.equals("23503")) {
            return new ConflictException(null, "the record refers to a record that does not exist, or is still referenced");
        }
        if (state.equals("22001")) {
            return new ValidationException(new FieldError(null, "too_long", "a value is longer than the database accepts"));
        }
        if (state.equals("22003")) {
            return new ValidationException(new FieldError(null, "out_of_range", "a number is out of the range the database accepts"));
        }
        if (state.startsWith("22")) {
            return new ValidationException(new FieldError(null, "invalid", "a value was refused by the database"));
        }
        if (CONTENTION_STATES.contains(state)) {
            return new ConflictException(null, "the database rolled this change back because a concurrent change held"
                    + " the same rows (" + state + "); nothing was saved, send the request again");
        }
        return null;
    }

    private String uniqueField(String message) {
        String constraint = firstGroup(message, POSTGRES_CONSTRAINT, DERBY_CONSTRAINT);
        if (constraint != null) {
            String declared = uniqueFields.get(constraint.toLowerCase(Locale.ROOT));
            if (declared != null) {
                return declared;
            }
        }
        String keyColumns = firstGroup(message, POSTGRES_KEY);
        if (keyColumns != null && !keyColumns.contains(",")) {
            return fieldName(keyColumns.strip());
        }
        return constraint == null ? null : conventionalField(constraint, firstGroup(message, DERBY_TABLE, POSTGRES_TABLE));
    }

    /**
     * {@code uq_sales_product_code} on table {@code sales_product} → {@code code}; when the table is
     * unknown, what follows the first segment after the prefix.
     */
    private static String conventionalField(String constraint, String table) {
        String name = constraint.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"uq_", "ux_"}) {
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                String tablePrefix = table == null ? null : table.toLowerCase(Locale.ROOT) + "_";
                if (tablePrefix != null && rest.startsWith(tablePrefix) && rest.length() > tablePrefix.length()) {
                    return fieldName(rest.substring(tablePrefix.length()));
                }
                int underscore = rest.indexOf('_');
                return fieldName(underscore < 0 ? rest : rest.substring(underscore + 1));
            }
        }
        return null;
    }

    /** A column name as the API's field name: {@code FIRST_NAME} → {@code firstName}. */
    static String fieldName(String column) {
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = field.length() > 0;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }

    private static String firstGroup(String message, Pattern... patterns) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(message);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private static String fullMessage(SQLException sql) {
        StringBuilder text = new StringBuilder(String.valueOf(sql.getMessage()));
        for (SQLException next = sql.getNextException(); next != null && text.length() < 4000; next = next.getNextException()) {
            text.append(' ').append(next.getMessage());
        }
        return text.toString();
    }

    private static String describe(Object entity) {
        if (entity == null) {
            return "the record";
        }
        String name = entity.getClass().getSimpleName();
        return "the " + (name.endsWith("Entity") ? name.substring(0, name.length() - "Entity".length()) : name).toLowerCase(Locale.ROOT);
    }
}
