package org.tessera.crm.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A snapshot of an opportunity's forecast-relevant fields, taken when one of them changed. */
public class OpportunityHistoryDTO {
    public String id;
    public String opportunityId;
    public Instant changedAt;
    public String changedBy;
    /** Which of stage, amount, probability, expectedCloseDate, forecastCategory changed (all on create). */
    public List<String> changedFields = new ArrayList<>();
    public String stage;
    public BigDecimal amount;
    public String currency;
    public Integer probability;
    public LocalDate expectedCloseDate;
    public ForecastCategory forecastCategory;
}
