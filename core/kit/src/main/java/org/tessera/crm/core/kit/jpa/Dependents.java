package org.tessera.crm.core.kit.jpa;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.kit.Ids;

/**
 * The query behind a module's {@link org.tessera.crm.core.api.spi.DependentRecordsContributor}:
 * how many records of one entity depend on a referenced record, and the ids of the first few.
 *
 * <pre>
 * Dependents.of(em, "sales", "LEAD", "FROM LeadEntity e WHERE e.partyId = :ref", party)
 * </pre>
 */
public final class Dependents {
    private Dependents() {
    }

    /**
     * @param from a JPQL {@code FROM … WHERE …} clause whose entity alias is {@code e}, with an
     *             {@code id} attribute, and one parameter {@code :ref}
     * @return the dependent records, or empty when there are none; counted without record scope
     */
    public static Optional<DependentRecordsDTO> of(EntityManager em, String module, String type, String from, Object ref) {
        long count = em.createQuery("SELECT COUNT(DISTINCT e.id) " + from, Long.class).setParameter("ref", ref).getSingleResult();
        if (count == 0) {
            return Optional.empty();
        }
        List<String> ids = em.createQuery("SELECT DISTINCT e.id " + from + " ORDER BY e.id", Long.class)
                .setParameter("ref", ref).setMaxResults(DependentRecordsDTO.SAMPLE_SIZE).getResultList()
                .stream().map(Ids::format).toList();
        return Optional.of(new DependentRecordsDTO(module, type, count, ids));
    }
}
