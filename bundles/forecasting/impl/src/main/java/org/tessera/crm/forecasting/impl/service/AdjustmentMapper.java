package org.tessera.crm.forecasting.impl.service;

import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.forecasting.api.AdjustmentDTO;
import org.tessera.crm.forecasting.impl.entity.AdjustmentEntity;
import org.tessera.crm.forecasting.api.Category;

final class AdjustmentMapper {
    private AdjustmentMapper() {
    }

    static AdjustmentDTO toDto(AdjustmentEntity e) {
        AdjustmentDTO d = new AdjustmentDTO();
        d.id = Ids.format(e.id);
        d.positionId = Ids.format(e.positionId);
        d.periodId = Ids.format(e.periodId);
        d.category = Category.valueOf(e.category);
        d.currency = e.currency;
        d.amount = RevisionMapper.scaled(e.amount);
        d.note = e.note;
        d.authorPositionId = Ids.format(e.authorPositionId);
        d.authorLogin = e.authorLogin;
        d.adjustedAt = e.adjustedAt;
        d.version = e.version;
        return d;
    }
}
