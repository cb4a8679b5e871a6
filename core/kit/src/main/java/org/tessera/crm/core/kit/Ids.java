package org.tessera.crm.core.kit;

import java.util.Optional;

import org.tessera.crm.core.api.NotFoundException;

/**
 * Ids are generated numbers in the database and opaque decimal strings in the API. Anything else
 * names no record: addressed by a caller it is a 404, held in a written field it is a 422.
 */
public final class Ids {
    /** Longer than any id a sequence hands out; refused before it reaches a parser or a query. */
    private static final int MAX_LENGTH = 18;

    private Ids() {
    }

    public static Optional<Long> parse(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(id));
    }

    public static String format(Long id) {
        return id == null ? null : id.toString();
    }

    /**
     * The id of a record the caller addressed (a path parameter).
     *
     * @throws NotFoundException when {@code id} is malformed: such a record cannot exist
     */
    public static long of(String entityType, String id) {
        return parse(id).orElseThrow(() -> new NotFoundException(entityType, id));
    }

    /**
     * A reference held in field {@code field} of a written record: {@code null} when absent or
     * blank; {@code null} and an error on {@code errors} when malformed.
     */
    public static Long reference(String field, String id, FieldErrors errors) {
        if (id == null || id.isBlank()) {
            return null;
        }
        Optional<Long> value = parse(id);
        if (value.isEmpty()) {
            errors.invalid(field, "not an id");
        }
        return value.orElse(null);
    }
}
