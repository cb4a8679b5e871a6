package org.tessera.crm.marketing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A marketing campaign, possibly under a parent campaign. {@code callScript} is rich text with
 * merge fields ({@code {{party.firstName}}}, {@code {{offer.name}}}); {@code emailSubject} and
 * {@code emailHtml} are the template an email campaign sends. {@code id}, {@code depth},
 * {@code version} and timestamps are server-owned.
 */
public class CampaignDTO {
    public String id;
    public String name;
    public CampaignType type;
    public CampaignStatus status;
    public LocalDate startDate;
    public LocalDate endDate;
    /** A code printed on mailings and quoted by respondents; unique. */
    public String sourceCode;
    public String description;
    public BigDecimal budgetedCost;
    public BigDecimal actualCost;
    public BigDecimal expectedRevenue;
    /** Expected response rate, in percent. */
    public BigDecimal expectedResponsePercent;
    /** ISO 4217 code of the amounts. */
    public String currency;
    /** The agent who runs it. */
    public String ownerId;
    public String parentId;
    /** 1 for a root campaign. */
    public int depth;
    public String callScript;
    public String emailSubject;
    public String emailHtml;
    public Map<String, Object> customFields = new LinkedHashMap<>();
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
