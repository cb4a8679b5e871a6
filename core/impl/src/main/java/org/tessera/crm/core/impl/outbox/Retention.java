package org.tessera.crm.core.impl.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The feed's retention rule: a dispatched change older than {@code days} may be purged, and a
 * cursor is still good while it points at or after the last purged position (the next change
 * it asks for is then still kept).
 */
record Retention(int days) {
    Retention {
        if (days < 1) {
            throw new IllegalArgumentException("the retention of the change feed must be at least one day, not " + days);
        }
    }

    /** Changes dispatched before this instant may go. */
    Instant cutoff(Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    /** Whether a reader that saw everything up to {@code position} missed purged changes. */
    static boolean expired(long position, long purgedThrough) {
        return position < purgedThrough;
    }
}
