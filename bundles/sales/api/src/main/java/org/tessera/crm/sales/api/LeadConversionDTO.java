package org.tessera.crm.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What to do when converting a lead (request) and what conversion did (response). The lead's
 * party becomes a customer, an organization party is created or reused for its company, and
 * an opportunity is created when {@link #createOpportunity} is set.
 */
public class LeadConversionDTO {
    public boolean createOpportunity;
    public String opportunityName;
    public BigDecimal amount;
    public String currency;
    public LocalDate expectedCloseDate;
    // results, server-owned
    public String leadId;
    public String contactId;
    public String accountId;
    public String opportunityId;
}
