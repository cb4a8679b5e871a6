package org.tessera.crm.core.impl.support;

import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.kit.FieldErrors;

/**
 * The ids a record has in other systems, by source ({@code externalIds}), as parties and
 * activities hold them: the same rules and the same uniqueness (one record per source and id).
 */
public final class ExternalIds {
    private ExternalIds() {
    }

    /** Both parts required: a source of 1 to 50 characters, a value of at most 200. */
    public static void check(Map<String, String> externalIds, FieldErrors errors) {
        for (Map.Entry<String, String> entry : externalIds.entrySet()) {
            String path = "externalIds." + entry.getKey();
            if (isBlank(entry.getKey()) || entry.getKey().length() > 50) {
                errors.invalid(path, "source must be 1 to 50 characters");
            }
            if (isBlank(entry.getValue())) {
                errors.required(path, null);
            } else {
                errors.maxLength(path, entry.getValue(), 200);
            }
        }
    }

    /**
     * Refuses external ids that another record of {@code entity} (a JPA entity name with an
     * {@code externalIds} map) already holds.
     *
     * @param self the record being updated, {@code null} on create
     * @throws ConflictException naming {@code externalIds.<source>}
     */
    public static void checkFree(EntityManager em, String entity, String noun, Map<String, String> externalIds, Long self) {
        for (Map.Entry<String, String> entry : externalIds.entrySet()) {
            List<Long> holders = em.createQuery("SELECT r.id FROM " + entity + " r JOIN r.externalIds e"
                            + " WHERE KEY(e) = :source AND VALUE(e) = :value", Long.class)
                    .setParameter("source", entry.getKey()).setParameter("value", entry.getValue()).getResultList();
            if (holders.stream().anyMatch(holder -> !holder.equals(self))) {
                throw new ConflictException("externalIds." + entry.getKey(),
                        "another " + noun + " has " + entry.getKey() + " id " + entry.getValue());
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
