package org.tessera.crm.core.kit.privacy;

import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;

/** Column names as JSON field names, and JDBC values as JSON-friendly values. */
final class Columns {
    private Columns() {
    }

    /** {@code first_name} → {@code firstName}. */
    static String field(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Timestamps as ISO instants, dates as ISO dates, text as text; numbers and booleans as they are. */
    static Object value(Object jdbc) throws SQLException {
        if (jdbc instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (jdbc instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (jdbc instanceof Clob clob) {
            return clob.getSubString(1, (int) Math.min(clob.length(), Integer.MAX_VALUE));
        }
        return jdbc;
    }
}
