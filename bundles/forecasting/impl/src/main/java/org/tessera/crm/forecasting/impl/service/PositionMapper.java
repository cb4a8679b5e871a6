package org.tessera.crm.forecasting.impl.service;

import org.tessera.crm.core.kit.Ids;
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
}
