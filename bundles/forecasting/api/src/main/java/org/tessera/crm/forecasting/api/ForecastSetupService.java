package org.tessera.crm.forecasting.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The frame of forecasts: positions, periods, quotas and exchange rates. Reads return what the
 * caller may see: their own position and those below it (every one for a caller who sees all records).
 */
@ProviderType
public interface ForecastSetupService {

    /**
     * @throws org.tessera.crm.core.api.ValidationException when the agent, org unit or parent is unknown, or the parent would make a cycle
     * @throws org.tessera.crm.core.api.ConflictException when the agent already holds a position
     */
    PositionDTO createPosition(PositionDTO draft);

    /**
     * Changes a position's name, agent, org unit, parent and unit-manager flag, checked as on
     * create (the server-owned fields of {@code desired} are ignored). Its revisions, adjustments
     * and quotas stay with it, also when it passes to another agent.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or {@code null} to skip the check
     * @throws org.tessera.crm.core.api.NotFoundException when there is no such position
     * @throws org.tessera.crm.core.api.StaleVersionException when it is no longer at {@code expectedVersion}
     * @throws org.tessera.crm.core.api.ValidationException when the agent, org unit or parent is unknown, or the
     *         parent is the position itself or below it in the explicit tree
     * @throws org.tessera.crm.core.api.ConflictException when the agent holds another position
     */
    PositionDTO updatePosition(String id, Long expectedVersion, PositionDTO desired);

    /**
     * Deletes a position that nothing refers to.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or {@code null} for an unconditional delete
     * @throws org.tessera.crm.core.api.NotFoundException when there is no such position
     * @throws org.tessera.crm.core.api.StaleVersionException when it is no longer at {@code expectedVersion}
     * @throws org.tessera.crm.core.api.DependentRecordsException when positions report to it in the explicit
     *         tree, or it has submitted revisions, adjustments (made or received) or quotas
     */
    void deletePosition(String id, Long expectedVersion);

    /** @throws org.tessera.crm.core.api.NotFoundException when there is none the caller may see */
    PositionDTO position(String id);

    /** The positions the caller may see, top down. */
    List<PositionDTO> positions();

    /** The caller's own position. @throws org.tessera.crm.core.api.NotFoundException when the caller holds none */
    PositionDTO myPosition();

    /** Creates the missing periods of a fiscal year; returns all of them, by start date then length. */
    List<PeriodDTO> generatePeriods(PeriodGenerationDTO request);

    List<PeriodDTO> periods(Integer fiscalYear, PeriodType type);

    /** @throws org.tessera.crm.core.api.NotFoundException when there is no such period */
    PeriodDTO period(String id);

    /**
     * Locks a period: no more submits nor adjustments in it. Posts {@link ForecastingTopics#LOCKED}.
     *
     * @throws org.tessera.crm.core.api.ConflictException when it is locked already
     */
    PeriodDTO lock(String periodId, Long expectedVersion);

    /**
     * Reopens a locked period: submits and adjustments are taken again. Posts {@link ForecastingTopics#UNLOCKED}.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or {@code null} to skip the check
     * @throws org.tessera.crm.core.api.ConflictException when it is open
     */
    PeriodDTO unlock(String periodId, Long expectedVersion);

    /** Creates or replaces the quota of a position, period and currency. */
    QuotaDTO putQuota(QuotaDTO quota);

    List<QuotaDTO> quotas(String periodId);

    ExchangeRateDTO putRate(ExchangeRateDTO rate);

    List<ExchangeRateDTO> rates();
}
