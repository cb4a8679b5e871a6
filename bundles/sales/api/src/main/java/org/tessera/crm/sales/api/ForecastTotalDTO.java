package org.tessera.crm.sales.api;

import java.math.BigDecimal;

/** The opportunities of one owner in one forecast category and currency, summed by the database. */
public class ForecastTotalDTO {
    public String ownerId;
    public ForecastCategory forecastCategory;
    /** ISO 4217 code, {@code null} for deals without a currency. */
    public String currency;
    public long count;
    public BigDecimal amount;
    /** Σ amount × probability / 100. */
    public BigDecimal weightedAmount;
}
