package org.tessera.crm.marketing.api;

import java.math.BigDecimal;

/**
 * Figures of a campaign alone ({@code own}) or of its whole subtree. Members and responses count
 * only the parties in the caller's perimeter. {@code roi} = (won amount − actual cost) / actual
 * cost, null when the cost is zero or unknown; {@code costPerResponse} null without responses.
 */
public class CampaignTotalsDTO {
    public String campaignId;
    /** {@code false} for the campaign alone, {@code true} for it and its descendants. */
    public boolean subtree;
    public AttributionModel attribution;
    public long members;
    public long sent;
    public long suppressed;
    public long responses;
    /** responses / members, in percent (2 decimals); null without members. */
    public BigDecimal responseRate;
    public long convertedLeads;
    /** Credited opportunities: a count, or a weighted sum under {@link AttributionModel#EVEN_SPLIT}. */
    public BigDecimal opportunities;
    public BigDecimal wonOpportunities;
    public BigDecimal wonAmount;
    public BigDecimal actualCost;
    public BigDecimal roi;
    public BigDecimal costPerResponse;
}
