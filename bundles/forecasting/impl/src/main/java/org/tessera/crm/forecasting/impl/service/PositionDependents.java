package org.tessera.crm.forecasting.impl.service;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.kit.jpa.Dependents;
import org.tessera.crm.forecasting.api.ForecastingEntityTypes;

/**
 * The forecasting records that refer to a position: deleting it would orphan them, so the delete
 * is refused while there are any (no implicit cascade: revisions are the forecast's history).
 */
final class PositionDependents {
    static final String MODULE = "forecasting";

    private PositionDependents() {
    }

    /** Positions reporting to it in the explicit tree, its revisions, adjustments it made or received, its quotas. */
    static List<DependentRecordsDTO> of(EntityManager em, long position) {
        List<DependentRecordsDTO> found = new ArrayList<>();
        Dependents.of(em, MODULE, ForecastingEntityTypes.POSITION, "FROM PositionEntity e WHERE e.parentId = :ref", position)
                .ifPresent(found::add);
        Dependents.of(em, MODULE, ForecastingEntityTypes.REVISION, "FROM RevisionEntity e WHERE e.positionId = :ref", position)
                .ifPresent(found::add);
        Dependents.of(em, MODULE, ForecastingEntityTypes.ADJUSTMENT,
                "FROM AdjustmentEntity e WHERE e.positionId = :ref OR e.authorPositionId = :ref", position).ifPresent(found::add);
        Dependents.of(em, MODULE, ForecastingEntityTypes.QUOTA, "FROM QuotaEntity e WHERE e.positionId = :ref", position)
                .ifPresent(found::add);
        return found;
    }
}
