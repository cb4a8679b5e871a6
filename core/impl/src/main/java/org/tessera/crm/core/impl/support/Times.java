package org.tessera.crm.core.impl.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants are kept at millisecond precision: every supported database stores that exactly, so
 * a value read back equals the value written and keyset cursors compare reliably.
 */
public final class Times {
    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
