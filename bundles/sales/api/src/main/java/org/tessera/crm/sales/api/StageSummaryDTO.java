package org.tessera.crm.sales.api;

import java.math.BigDecimal;

/** One stage (in one currency) of a pipeline summary. */
public class StageSummaryDTO {
    public String stage;
    public String name;
    public int sortOrder;
    public ForecastCategory forecastCategory;
    public String currency;
    public long count;
    public BigDecimal amount;
    /** Sum of amount × probability / 100 of each opportunity. */
    public BigDecimal weightedAmount;
}
