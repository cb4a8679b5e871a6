package org.tessera.crm.core.impl.imports;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records a chunk creates, written together at its end, in row order; a later row about the
 * same record replaces it before it is written.
 *
 * @param <T> the records' DTO
 */
final class PendingInserts<T> {
    private final List<T> records = new ArrayList<>();
    private final Map<T, Integer> positions = new IdentityHashMap<>();

    void add(T record) {
        positions.put(record, records.size());
        records.add(record);
    }

    void replace(T earlier, T record) {
        int position = positions.remove(earlier);
        records.set(position, record);
        positions.put(record, position);
    }

    List<T> list() {
        return records;
    }
}
