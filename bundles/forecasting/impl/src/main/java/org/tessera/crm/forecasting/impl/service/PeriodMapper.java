package org.tessera.crm.forecasting.impl.service;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.forecasting.api.ForecastingEntityTypes;
import org.tessera.crm.forecasting.api.PeriodDTO;
import org.tessera.crm.forecasting.api.PeriodStatus;
import org.tessera.crm.forecasting.api.PeriodType;
import org.tessera.crm.forecasting.impl.entity.PeriodEntity;

final class PeriodMapper {
    private PeriodMapper() {
    }

    static PeriodDTO toDto(PeriodEntity e) {
        PeriodDTO d = new PeriodDTO();
        d.id = Ids.format(e.id);
        d.name = e.name;
        d.type = PeriodType.valueOf(e.type);
        d.fiscalYear = e.fiscalYear;
        d.startDate = e.startDate;
        d.endDate = e.endDate;
        d.status = PeriodStatus.valueOf(e.status);
        d.lockedAt = e.lockedAt;
        d.lockedBy = e.lockedBy;
        d.version = e.version;
        return d;
    }

    /** The addressed period. @throws NotFoundException when there is none */
    static PeriodEntity find(EntityManager em, long key, String id) {
        PeriodEntity entity = em.find(PeriodEntity.class, key);
        if (entity == null) {
            throw new NotFoundException(ForecastingEntityTypes.PERIOD, id);
        }
        return entity;
    }

    /** A period named in a written or queried field. @throws ValidationException naming {@code field} when there is none */
    static PeriodEntity existing(EntityManager em, Long key, String field) {
        PeriodEntity entity = key == null ? null : em.find(PeriodEntity.class, key);
        if (entity == null) {
            throw new ValidationException(FieldError.invalid(field, "no such period"));
        }
        return entity;
    }
}
