package org.tessera.crm.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The forecast-relevant fields of one opportunity: what a forecast snapshot keeps of it. */
public class ForecastOpportunityDTO {
    public String id;
    public String name;
    public String ownerId;
    public String stage;
    public ForecastCategory forecastCategory;
    public BigDecimal amount;
    public Integer probability;
    public String currency;
    public LocalDate expectedCloseDate;
}
