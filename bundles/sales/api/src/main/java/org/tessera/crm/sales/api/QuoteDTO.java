package org.tessera.crm.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A priced offer made from an opportunity (its lines are copied on create). Lines can change
 * only while DRAFT. Totals are computed by the server in the currency's minor unit:
 * {@code subtotal} (before discounts), {@code discountTotal}, {@code netTotal},
 * {@code taxAmount} ({@code netTotal × taxRate / 100}) and {@code grandTotal}.
 */
public class QuoteDTO {
    public String id;
    /** Human-readable number, server-assigned: {@code Q-000042}. */
    public String number;
    public String opportunityId;
    public String accountId;
    public String name;
    public QuoteStatus status;
    public String currency;
    /** Percent, 0 to 100. */
    public BigDecimal taxRate;
    public LocalDate validUntil;
    public List<LineItemDTO> lines = new ArrayList<>();
    public BigDecimal subtotal;
    public BigDecimal discountTotal;
    public BigDecimal netTotal;
    public BigDecimal taxAmount;
    public BigDecimal grandTotal;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
