package org.tessera.crm.forecasting.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.tessera.crm.forecasting.api.Category;

/** An opportunity as it stood in a submitted revision. */
public class RevisionOpportunityDTO {
    public String opportunityId;
    public String name;
    public String stage;
    public Category category;
    public BigDecimal amount;
    public Integer probability;
    public String currency;
    public LocalDate expectedCloseDate;
}
