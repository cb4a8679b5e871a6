package org.tessera.crm.forecasting.api;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Forecast worksheets, adjustments and submitted revisions. A caller sees their own position and
 * those below it, never a sibling's; a position outside that answers as if it did not exist.
 * Every read and write needs the sales module: without it a {@code ModuleUnavailableException}
 * (HTTP 503) says so, and nothing is lost.
 */
@ProviderType
public interface ForecastService {

    ForecastDTO forecast(ForecastQuery query);

    /**
     * Sets (replaces) the caller's adjustment of one category of a position's forecast.
     *
     * @throws org.tessera.crm.core.api.ValidationException on a bad amount, currency, category or a note over 255 characters
     * @throws org.tessera.crm.core.api.ConflictException when the period is locked
     * @throws org.tessera.crm.core.api.ForbiddenException when the position is neither the caller's nor below it
     */
    AdjustmentDTO adjust(AdjustmentDTO adjustment);

    /** The adjustments of a position and period that the caller may see. */
    List<AdjustmentDTO> adjustments(String positionId, String periodId);

    /**
     * Freezes the position's forecast for the period as its next revision, with every line and the
     * opportunities behind it, and posts {@link ForecastingTopics#SUBMITTED} for the manager.
     *
     * @param rollupSource {@code SUBMITTED} or {@code LIVE}, the configured default when {@code null}
     * @throws org.tessera.crm.core.api.ConflictException when the period is locked
     */
    RevisionDTO submit(String positionId, String periodId, String rollupSource);

    /** The revisions of a position for a period, newest first, each with its deltas to the one before. */
    List<RevisionDTO> revisions(String positionId, String periodId);

    /** @throws org.tessera.crm.core.api.NotFoundException when there is no such revision the caller may see */
    RevisionDTO revision(String positionId, String periodId, int revision);

    /** How the opportunities of the position and those below it changed since {@code since}, newest first. */
    List<OpportunityDeltaDTO> changes(String positionId, String periodId, Instant since);
}
