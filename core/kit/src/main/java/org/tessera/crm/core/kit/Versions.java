package org.tessera.crm.core.kit;

import org.tessera.crm.core.api.StaleVersionException;

/** Optimistic concurrency at the API: the version a client read ({@code If-Match}) against the stored one. */
public final class Versions {
    private Versions() {
    }

    /**
     * @param expected the version the client names, or {@code null} when it names none
     * @throws StaleVersionException (HTTP 412) when the stored record moved on since the client read it
     */
    public static void check(String entityType, String id, Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new StaleVersionException(entityType, id, expected, actual);
        }
    }
}
