package org.tessera.crm.forecasting.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.tessera.crm.sales.api.ForecastCategory;

/** An opportunity as it stood in a submitted revision. */
public class RevisionOpportunityDTO {
    public String opportunityId;
    public String name;
    public String stage;
    public ForecastCategory category;
    public BigDecimal amount;
    public Integer probability;
    public String currency;
    public LocalDate expectedCloseDate;
}
