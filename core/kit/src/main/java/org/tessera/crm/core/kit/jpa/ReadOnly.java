package org.tessera.crm.core.kit.jpa;

import java.util.Map;

import javax.persistence.EntityManager;

/**
 * Reads for transactions that write nothing. EclipseLink registers what a query returns in the
 * unit of work: it clones each entity and its collections, and compares them with the clones at
 * commit to find changes; an entity read only to be mapped to a DTO pays that for nothing. With the
 * provider's read-only hint it is not registered; it must then not be modified.
 */
public final class ReadOnly {
    /** EclipseLink's query hint ({@code QueryHints.READ_ONLY}), named here so that no module depends on EclipseLink's API. */
    public static final String HINT = "eclipselink.read-only";

    private ReadOnly() {
    }

    /** {@link EntityManager#find} without registering the entity: to read, never to modify. */
    public static <T> T find(EntityManager em, Class<T> type, Object key) {
        return em.find(type, key, Map.of(HINT, Boolean.TRUE));
    }
}
