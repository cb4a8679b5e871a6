package org.tessera.crm.insurance.impl.entity;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class ClaimAmountValue {
    @Column(name = "coverage_code")
    public String coverageCode;
    @Column(precision = 19, scale = 4)
    public BigDecimal claimed;
    @Column(precision = 19, scale = 4)
    public BigDecimal reserved;
    @Column(precision = 19, scale = 4)
    public BigDecimal approved;
}
