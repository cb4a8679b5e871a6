package org.tessera.crm.core.impl.outbox;

import java.util.List;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;

/** The opaque cursor of the change feed: the position of the last change seen, in the kit's keyset cursor. */
final class FeedCursor {
    static final String SINCE = "since";

    private FeedCursor() {
    }

    static String of(long position) {
        return KeysetCursor.ofId(position);
    }

    /** @throws ValidationException on {@code since} unless it is a cursor of this feed */
    static long position(String cursor) {
        try {
            List<String> parts = KeysetCursor.decode(cursor, 1);
            return Ids.parse(parts.get(0)).orElseThrow(FeedCursor::malformed);
        } catch (ValidationException e) {
            throw malformed();
        }
    }

    private static ValidationException malformed() {
        return new ValidationException(FieldError.invalid(SINCE, "not a cursor of the change feed: pass the 'next' of a page,"
                + " 'now', or nothing"));
    }
}
