package org.tessera.crm.core.impl.support;

import java.util.Optional;

/** Ids are Longs in the database and decimal strings in the API; anything else names no record. */
public final class Ids {
    private Ids() {
    }

    public static Optional<Long> parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18) {
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
}
