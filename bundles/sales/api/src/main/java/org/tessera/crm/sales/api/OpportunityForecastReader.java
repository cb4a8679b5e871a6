package org.tessera.crm.sales.api;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads of opportunities for forecasting, by owners and expected close dates. Unlike
 * {@link OpportunityService#search}, these reads are not narrowed to the caller's account
 * perimeter: a forecast follows the sales hierarchy of owners, and the forecasting module decides
 * which owners a caller may see. They never return full opportunity records.
 */
@ProviderType
public interface OpportunityForecastReader {

    /**
     * Count, amount and weighted amount per owner, forecast category and currency, grouped in the
     * database (one query, whatever the number of opportunities).
     */
    List<ForecastTotalDTO> totals(ForecastSliceQuery slice);

    /** The forecast fields of each opportunity of the slice, ordered by owner then id. */
    List<ForecastOpportunityDTO> opportunities(ForecastSliceQuery slice);

    /**
     * The history entries recorded after {@code since} of the opportunities of the slice, oldest
     * first, each opportunity's series preceded by its last entry at or before {@code since} (the
     * state it changed from) when it has one: which deals moved category, amount, probability or
     * close date, and when.
     */
    List<OpportunityHistoryDTO> changesSince(ForecastSliceQuery slice, Instant since);
}
