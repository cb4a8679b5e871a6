package org.tessera.crm.sales.api;

import java.math.BigDecimal;

/**
 * A priced line of an opportunity or a quote. {@link #unitPrice} defaults to the price list's;
 * {@link #discount} is a percentage; {@link #totalPrice} is computed by the server, rounded to
 * the currency's minor unit.
 */
public class LineItemDTO {
    public String productId;
    public String description;
    public BigDecimal quantity;
    public BigDecimal unitPrice;
    /** Percent off, 0 to 100. */
    public BigDecimal discount;
    /** quantity × unitPrice × (1 − discount/100), server-owned. */
    public BigDecimal totalPrice;
}
