package org.tessera.crm.forecasting.impl.service;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.forecasting.api.ForecastingEntityTypes;
import org.tessera.crm.forecasting.api.PositionDTO;
import org.tessera.crm.forecasting.impl.entity.PositionEntity;

final class PositionMapper {
    private PositionMapper() {
    }

    static PositionDTO toDto(PositionEntity e) {
        PositionDTO d = new PositionDTO();
        d.id = Ids.format(e.id);
        d.name = e.name;
        d.agentId = Ids.format(e.agentId);
        d.orgUnitId = Ids.format(e.orgUnitId);
        d.parentId = Ids.format(e.parentId);
        d.unitManager = e.unitManager;
        d.version = e.version;
        return d;
    }

    /** Writes the checked fields into the entity. */
    static void apply(PositionChecks.Fields fields, PositionEntity e) {
        e.name = fields.name();
        e.agentId = fields.agentId();
        e.orgUnitId = fields.orgUnitId();
        e.parentId = fields.parentId();
        e.unitManager = fields.unitManager();
    }

    /** The addressed position, whoever may see it (positions are written by org administrators). @throws NotFoundException when there is none */
    static PositionEntity find(EntityManager em, long key, String id) {
        PositionEntity entity = em.find(PositionEntity.class, key);
        if (entity == null) {
            throw new NotFoundException(ForecastingEntityTypes.POSITION, id);
        }
        return entity;
    }
}
