package org.tessera.crm.core.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * A fragment of an SQL {@code WHERE} clause with {@code ?} placeholders, and the values bound to
 * them in order. Values are never spliced into the text, so a condition is safe whatever the input.
 */
public final class SqlCondition {
    private final String sql;
    private final List<Object> parameters;

    public SqlCondition(String sql, List<Object> parameters) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.parameters = List.copyOf(parameters);
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != this.parameters.size()) {
            throw new IllegalArgumentException(placeholders + " placeholders for " + this.parameters.size() + " values: " + sql);
        }
    }

    public String sql() {
        return sql;
    }

    public List<Object> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return sql + " " + parameters;
    }
}
