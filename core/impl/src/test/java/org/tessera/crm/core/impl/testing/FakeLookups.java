package org.tessera.crm.core.impl.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.impl.support.Lookups;

/** In-memory {@link Lookups} for rule tests. */
public final class FakeLookups implements Lookups {
    private final Map<String, Set<String>> picklists = new HashMap<>();
    private final Map<String, Set<Long>> records = new HashMap<>();

    public FakeLookups picklist(String key, String... codes) {
        picklists.computeIfAbsent(key, k -> new HashSet<>()).addAll(Set.of(codes));
        return this;
    }

    public FakeLookups record(String entityType, long... ids) {
        for (long id : ids) {
            records.computeIfAbsent(entityType, k -> new HashSet<>()).add(id);
        }
        return this;
    }

    @Override
    public boolean isActiveValue(String picklistKey, String code) {
        return picklists.getOrDefault(picklistKey, Set.of()).contains(code);
    }

    @Override
    public boolean exists(String entityType, long id) {
        return records.getOrDefault(entityType, Set.of()).contains(id);
    }
}
