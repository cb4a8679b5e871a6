package org.tessera.crm.forecasting.api;

import java.math.BigDecimal;

import org.tessera.crm.forecasting.api.Category;

/** The figures of one forecast category in one currency. */
public class ForecastLineDTO {
    public Category category;
    public String currency;
    public long count;
    /** Computed from the opportunities (cumulated in cumulative mode). */
    public BigDecimal amount;
    /** Probability-weighted amount. */
    public BigDecimal weightedAmount;
    /** The adjusted figure the caller sees, {@code null} when not adjusted. */
    public BigDecimal adjustedAmount;
    /** What the forecast says: the adjusted figure when there is one, else the computed amount. */
    public BigDecimal forecastAmount;
}
