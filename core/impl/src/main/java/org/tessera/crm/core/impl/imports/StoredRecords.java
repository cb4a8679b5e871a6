package org.tessera.crm.core.impl.imports;

import java.util.Map;

/**
 * The stored records holding a chunk's external ids, read once for the chunk: the holder of each
 * lookup key, and each holder's entity and DTO by id.
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
