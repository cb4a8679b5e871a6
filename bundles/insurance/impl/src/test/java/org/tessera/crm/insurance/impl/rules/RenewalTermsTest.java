package org.tessera.crm.insurance.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RenewalTermsTest {
    @Test
    void theNewTermStartsAtTheOldExpiryAndLastsAsLong() {
        assertEquals(LocalDate.of(2032, 1, 1), RenewalTerms.expiry(LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1)));
        assertEquals(LocalDate.of(2031, 7, 1), RenewalTerms.expiry(LocalDate.of(2030, 7, 1), LocalDate.of(2031, 1, 1)));
        // a term from 28 Feb in a leap year
        assertEquals(LocalDate.of(2029, 2, 28), RenewalTerms.expiry(LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 28)));
    }

    @Test
    void thePremiumIsScaledAndRoundedToTheCent() {
        assertEquals(new BigDecimal("66.00"), RenewalTerms.premium(new BigDecimal("60"), new BigDecimal("1.1")));
        assertEquals(new BigDecimal("33.34"), RenewalTerms.premium(new BigDecimal("33.335"), null));
        assertTrue(RenewalTerms.renewable("IN_FORCE"));
        assertTrue(RenewalTerms.renewable("REINSTATED"));
        assertFalse(RenewalTerms.renewable("LAPSED"));
        assertFalse(RenewalTerms.renewable("QUOTE"));
    }
}
