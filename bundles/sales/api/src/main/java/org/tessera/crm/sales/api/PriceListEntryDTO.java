package org.tessera.crm.sales.api;

import java.math.BigDecimal;

/** The price of a product in a price list. */
public class PriceListEntryDTO {
    public String productId;
    public BigDecimal unitPrice;
}
