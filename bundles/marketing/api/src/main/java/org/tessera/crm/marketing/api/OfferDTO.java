package org.tessera.crm.marketing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An offer made to a campaign's members. Its optional price rule gives {@code discountPercent}
 * off lines of {@code productIds} (all products when empty) from {@code minQuantity}.
 */
public class OfferDTO {
    public String id;
    public String campaignId;
    public String name;
    /** Activity channel code the offer is made through. */
    public String channel;
    public LocalDate startDate;
    public LocalDate endDate;
    public String description;
    public BigDecimal discountPercent;
    public BigDecimal minQuantity;
    public List<String> productIds = new ArrayList<>();
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
