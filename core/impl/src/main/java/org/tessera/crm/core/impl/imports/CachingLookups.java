package org.tessera.crm.core.impl.imports;

import java.util.HashMap;
import java.util.Map;

import org.tessera.crm.core.impl.support.Lookups;

/**
 * Remembers the answers of another {@link Lookups} for one import transaction: a file of a
 * million rows names the same few owners, org units and picklist codes over and over, and each
 * question asked once per row would be a database round trip per row.
 */
final class CachingLookups implements Lookups {
    private final Lookups delegate;
    private final Map<String, Boolean> activeValues = new HashMap<>();
    private final Map<String, Boolean> existing = new HashMap<>();

    CachingLookups(Lookups delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean isActiveValue(String picklistKey, String code) {
        if (code == null) {
            return false;
        }
        return activeValues.computeIfAbsent(picklistKey + '\u0000' + code, k -> delegate.isActiveValue(picklistKey, code));
    }

    @Override
    public boolean exists(String entityType, long id) {
        return existing.computeIfAbsent(entityType + '\u0000' + id, k -> delegate.exists(entityType, id));
    }

    /** Answers a later {@link #exists} from what a bulk query of the caller already found. */
    void remember(String entityType, long id, boolean exists) {
        existing.put(entityType + '\u0000' + id, exists);
    }
}
