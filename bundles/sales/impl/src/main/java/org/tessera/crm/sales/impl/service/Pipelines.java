package org.tessera.crm.sales.impl.service;

import javax.persistence.EntityManager;

import org.tessera.crm.sales.api.PipelineDTO;
import org.tessera.crm.sales.impl.entity.PipelineEntity;

/** Pipeline lookups inside a caller's transaction. */
final class Pipelines {
    private Pipelines() {
    }

    /** The pipeline with this id, or {@code null}. */
    static PipelineDTO find(EntityManager em, Long id) {
        PipelineEntity entity = em.find(PipelineEntity.class, id);
        return entity == null ? null : PipelineServiceImpl.toDto(entity);
    }

    static PipelineDTO defaultPipeline(EntityManager em) {
        return PipelineServiceImpl.toDto(em.createQuery(
                "select p from PipelineEntity p where p.defaultPipeline = :yes order by p.id", PipelineEntity.class).setParameter("yes", true)
                .setMaxResults(1).getSingleResult());
    }
}
