package org.tessera.crm.insurance.impl.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;

/**
 * The dates and premium of the term that renews another: it starts on the old term's expiry, lasts
 * as long, and costs the old premium times a factor, rounded to the cent.
 */
public final class RenewalTerms {
    private RenewalTerms() {
    }

    public static LocalDate expiry(LocalDate oldEffective, LocalDate oldExpiry) {
        return oldExpiry.plus(Period.between(oldEffective, oldExpiry));
    }

    public static BigDecimal premium(BigDecimal oldPremium, BigDecimal factor) {
        return oldPremium.multiply(factor == null ? BigDecimal.ONE : factor).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether a renewal run may renew a term of this status: one in force at its end. */
    public static boolean renewable(String status) {
        return "IN_FORCE".equals(status) || "REINSTATED".equals(status);
    }
}
