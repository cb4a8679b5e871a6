package org.tessera.crm.core.impl.party;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.impl.support.SqlBuilder;
import org.tessera.crm.core.kit.KeysetCursor;

/**
 * The order of a party search and its keyset: the sort column, then the id, both ascending or
 * both descending. A cursor names the order it was made in (sort and direction) besides the last
 * row's key, so that a cursor of another order is refused as malformed instead of skipping rows.
 */
record PartyOrder(PartyQuery.Sort sort, boolean descending) {

    /** The column selected beside the id, whose value the cursor keeps; the id itself in id order. */
    String column() {
        return switch (sort) {
            case NAME -> "p.sort_name";
            case CREATED_AT -> "p.created_at";
            case ID -> "p.id";
        };
    }

    String orderBy() {
        String direction = descending ? " DESC" : "";
        return sort == PartyQuery.Sort.ID ? " ORDER BY p.id" + direction
                : " ORDER BY " + column() + direction + ", p.id" + direction;
    }

    /** Restricts {@code sql} to the rows after the cursor's, in this order. */
    void appendKeyset(String cursor, SqlBuilder sql) {
        if (cursor == null) {
            return;
        }
        String after = descending ? " < " : " > ";
        if (sort == PartyQuery.Sort.ID) {
            List<String> parts = decode(cursor, 3);
            sql.append(" AND p.id" + after).param(KeysetCursor.idPart(parts.get(2)));
            return;
        }
        List<String> parts = decode(cursor, 4);
        Object key = sort == PartyQuery.Sort.CREATED_AT ? Timestamp.from(instant(parts.get(2))) : parts.get(2);
        long id = KeysetCursor.idPart(parts.get(3));
        sql.append(" AND (" + column() + after).param(key).append(" OR (" + column() + " = ").param(key)
                .append(" AND p.id" + after).param(id).append("))");
    }

    /** The cursor after {@code row} (id, then the {@link #column()} value). */
    String cursorAfter(Object[] row) {
        String id = row[0].toString();
        return switch (sort) {
            case ID -> KeysetCursor.encode(sort.name(), direction(), id);
            case NAME -> KeysetCursor.encode(sort.name(), direction(), String.valueOf(row[1]), id);
            case CREATED_AT -> KeysetCursor.encode(sort.name(), direction(), toInstant(row[1]).toString(), id);
        };
    }

    private String direction() {
        return descending ? "D" : "A";
    }

    private List<String> decode(String cursor, int parts) {
        List<String> decoded = KeysetCursor.decode(cursor, parts);
        if (!sort.name().equals(decoded.get(0)) || !direction().equals(decoded.get(1))) {
            throw KeysetCursor.malformed();
        }
        return decoded;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw KeysetCursor.malformed();
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return Timestamp.valueOf(local).toInstant();
        }
        throw new IllegalStateException("unexpected created_at value " + value);
    }
}
