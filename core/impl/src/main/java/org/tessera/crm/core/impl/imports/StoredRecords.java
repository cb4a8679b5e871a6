package org.tessera.crm.core.impl.imports;

import java.util.Map;

/**
 * The stored records holding a chunk's external ids, read once for the chunk: the holder of each
 * lookup key, each holder's DTO by id, and the entities loaded for writing by id (every holder's,
 * or, for parties, only those the chunk's rows change, loaded when it writes).
 *
 * @param <E> the entity
 * @param <T> the DTO
 */
record StoredRecords<E, T>(Map<String, Long> holders, Map<Long, E> entities, Map<Long, T> dtos) {
    /** The stored state of {@code id}, {@code null} for none. */
    T dto(Long id) {
        return id == null ? null : dtos.get(id);
    }
}
