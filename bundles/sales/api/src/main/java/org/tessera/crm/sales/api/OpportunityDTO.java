package org.tessera.crm.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deal with an account (a party). {@code probability} is the stage's default unless set;
 * {@code amount} is the sum of the line totals when there are lines. {@code forecastCategory},
 * {@code status}, {@code expectedRevenue}, line totals, {@code id}, {@code version} and
 * timestamps are server-owned.
 */
public class OpportunityDTO {
    public String id;
    public String accountId;
    public String name;
    /** The pipeline; the default pipeline when absent. */
    public String pipelineId;
    /** Stage code in the pipeline; the first stage when absent. */
    public String stage;
    public Integer probability;
    public ForecastCategory forecastCategory;
    public OpportunityStatus status;
    public BigDecimal amount;
    /** amount × probability / 100. */
    public BigDecimal expectedRevenue;
    /** ISO 4217 code. */
    public String currency;
    public LocalDate expectedCloseDate;
    public String ownerId;
    /** The marketing campaign the deal came from, an opaque id. */
    public String campaignId;
    public String priceListId;
    public String nextStep;
    /** Required when the deal moves to a closed stage that is not won. */
    public String lostReason;
    public List<ContactRoleDTO> contactRoles = new ArrayList<>();
    public List<CompetitorDTO> competitors = new ArrayList<>();
    public List<LineItemDTO> lineItems = new ArrayList<>();
    public Map<String, Object> customFields = new LinkedHashMap<>();
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
