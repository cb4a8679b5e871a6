package org.tessera.crm.core.kit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/**
 * Opaque keyset cursor: the sort key parts of the last row of a page, base64url-encoded. The
 * parts are joined with a line feed, which neither ids, instants nor normalized names contain.
 */
public final class KeysetCursor {
    private static final String SEPARATOR = "\n";
    private static final String FIELD = "cursor";

    private KeysetCursor() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The parts of {@code cursor}.
     *
     * @throws ValidationException on field {@code cursor} unless it decodes to {@code expectedParts} parts
     */
    public static List<String> decode(String cursor, int expectedParts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split(SEPARATOR, -1));
            if (parts.size() != expectedParts) {
                throw malformed();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    /** The cursor of a collection ordered by id alone: after the row with {@code id}. */
    public static String ofId(long id) {
        return encode(Long.toString(id));
    }

    /**
     * The id a cursor made by {@link #ofId} points after, or {@code null} for the first page.
     *
     * @throws ValidationException on field {@code cursor} when it is not such a cursor
     */
    public static Long afterId(String cursor) {
        return cursor == null ? null : idPart(decode(cursor, 1).get(0));
    }

    /** A decoded part that must be an id. */
    public static long idPart(String part) {
        return Ids.parse(part).orElseThrow(KeysetCursor::malformed);
    }

    public static ValidationException malformed() {
        return new ValidationException(FieldError.invalid(FIELD, "malformed cursor"));
    }

    /** @throws ValidationException on field {@code limit} unless 1 to 200 */
    public static void checkLimit(int limit) {
        if (limit < 1 || limit > 200) {
            throw new ValidationException(FieldError.invalid("limit", "must be between 1 and 200"));
        }
    }
}
