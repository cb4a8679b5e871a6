package org.tessera.crm.forecasting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.tessera.crm.forecasting.api.Category;

/**
 * How one opportunity changed between two forecasts: {@code ADDED}, {@code REMOVED} (closes
 * outside the period or left the owner) or {@code CHANGED} (category, amount or close date).
 */
public class OpportunityDeltaDTO {
    public String opportunityId;
    public String name;
    public String change;
    public Category fromCategory;
    public Category toCategory;
    public BigDecimal fromAmount;
    public BigDecimal toAmount;
    public LocalDate fromCloseDate;
    public LocalDate toCloseDate;
    public String currency;
    /** For the changes view: when it changed and who changed it. */
    public Instant changedAt;
    public String changedBy;
}
