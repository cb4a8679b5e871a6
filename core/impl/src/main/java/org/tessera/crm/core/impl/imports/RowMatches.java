package org.tessera.crm.core.impl.imports;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which record each row of a chunk is about, by its external ids: a stored record (the holders of
 * the chunk's external ids are read once, before the rows), one that an earlier row of the chunk
 * creates, none, or more than one. The rows that write say so, for the rows after them.
 *
 * @param <T> the records' DTO
 */
final class RowMatches<T> {
    /**
     * What a row's external ids name. {@code storedId}: the first stored record named (the only one
     * unless {@code conflict}); {@code earlier}: the record an earlier row creates, when no stored
     * one is named.
     */
    record Match<T>(Long storedId, T earlier, boolean conflict) {
    }

    private final Map<String, Long> stored;
    private final Map<String, T> createdHere = new HashMap<>();

    /** @param stored the stored holder of each lookup key, as {@link ExternalIdIndex#holders} found them */
    RowMatches(Map<String, Long> stored) {
        this.stored = new HashMap<>(stored);
    }

    Match<T> match(Map<String, String> externalIds) {
        Set<Long> storedMatches = new LinkedHashSet<>();
        Set<T> newMatches = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String key : ExternalIdIndex.lookupKeys(externalIds)) {
            Long holder = stored.get(key);
            if (holder != null) {
                storedMatches.add(holder);
            }
            T earlier = createdHere.get(key);
            if (earlier != null) {
                newMatches.add(earlier);
            }
        }
        Long storedId = storedMatches.isEmpty() ? null : storedMatches.iterator().next();
        T earlier = storedId != null || newMatches.isEmpty() ? null : newMatches.iterator().next();
        return new Match<>(storedId, earlier, storedMatches.size() + newMatches.size() > 1);
    }

    /** The stored record {@code id} now holds {@code externalIds}. */
    void updated(Long id, Map<String, String> externalIds) {
        ExternalIdIndex.keys(externalIds).forEach(key -> stored.put(key, id));
    }

    /** {@code record}, to be inserted by this chunk, now holds its external ids. */
    void created(T record, Map<String, String> externalIds) {
        ExternalIdIndex.keys(externalIds).forEach(key -> createdHere.put(key, record));
    }
}
