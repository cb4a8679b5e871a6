package org.tessera.crm.sales.impl.entity;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class PriceEntryValue {
    @Column(name = "product_id")
    public Long productId;
    @Column(name = "unit_price", precision = 19, scale = 4)
    public BigDecimal unitPrice;
}
