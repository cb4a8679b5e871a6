package org.tessera.crm.core.impl.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.kit.KeysetCursor;

class FeedCursorTest {

    @Test
    void aCursorCarriesItsPosition() {
        assertEquals(0L, FeedCursor.position(FeedCursor.of(0)));
        assertEquals(123_456_789L, FeedCursor.position(FeedCursor.of(123_456_789L)));
    }

    @Test
    void aForeignOrBrokenCursorIsRefusedOnSince() {
        for (String bad : new String[] {"%%%", "", KeysetCursor.encode("a", "b"), KeysetCursor.encode("-1"), KeysetCursor.encode("x")}) {
            ValidationException refused = assertThrows(ValidationException.class, () -> FeedCursor.position(bad), bad);
            assertEquals("since", refused.errors().get(0).field);
        }
    }

    @Test
    void theRetentionKeepsACursorWhileTheNextChangeIsKept() {
        assertFalse(Retention.expired(10, 10), "everything up to 10 seen, 11 kept");
        assertFalse(Retention.expired(11, 10));
        assertTrue(Retention.expired(9, 10), "10 was purged unseen");
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertEquals(Instant.parse("2026-11-26T10:00:00Z"), new Retention(7).cutoff(now));
        assertThrows(IllegalArgumentException.class, () -> new Retention(0));
    }
}
