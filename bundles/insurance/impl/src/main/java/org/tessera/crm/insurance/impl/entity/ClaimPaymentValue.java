package org.tessera.crm.insurance.impl.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class ClaimPaymentValue {
    @Column(name = "coverage_code")
    public String coverageCode;
    @Column(precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(name = "paid_on")
    public LocalDate paidOn;
}
