package org.tessera.crm.insurance.api;

import java.math.BigDecimal;

/** The amounts of a claim on one coverage of the policy. {@code paid} is the sum of the payments (server-owned). */
public class ClaimAmountDTO {
    public String coverageCode;
    public BigDecimal claimed;
    public BigDecimal reserved;
    public BigDecimal approved;
    public BigDecimal paid;
}
