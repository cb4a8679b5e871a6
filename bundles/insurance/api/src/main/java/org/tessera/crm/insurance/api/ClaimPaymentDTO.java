package org.tessera.crm.insurance.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment on a claim's coverage. Refused (422 on {@code amount}) when the coverage's payments
 * would exceed its approved amount ({@code exceeds_approved}) or its limit net of the deductible
 * ({@code exceeds_limit_net_of_deductible}).
 */
public class ClaimPaymentDTO {
    public String coverageCode;
    public BigDecimal amount;
    /** {@code null}: today. */
    public LocalDate paidOn;
}
