package org.tessera.crm.sales.impl.entity;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A priced line of an opportunity or a quote. */
@Embeddable
public class LineItemValue {
    @Column(name = "product_id")
    public Long productId;
    public String description;
    @Column(precision = 19, scale = 4)
    public BigDecimal quantity;
    @Column(name = "unit_price", precision = 19, scale = 4)
    public BigDecimal unitPrice;
    @Column(precision = 7, scale = 4)
    public BigDecimal discount;
    @Column(name = "total_price", precision = 19, scale = 4)
    public BigDecimal totalPrice;
}
