package org.tessera.crm.insurance.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;

class PaymentRulesTest {
    @Test
    void theLimitNetOfTheDeductibleBoundsThePaymentsTogether() {
        assertEquals(new BigDecimal("4700"), PaymentRules.payable(new BigDecimal("5000"), new BigDecimal("300")));
        assertNull(PaymentRules.payable(null, new BigDecimal("300")), "no limit");
        assertEquals(BigDecimal.ZERO, PaymentRules.payable(new BigDecimal("100"), new BigDecimal("300")));
        PaymentRules.check(new BigDecimal("700"), new BigDecimal("4000"), new BigDecimal("4700"), new BigDecimal("5000"), new BigDecimal("300"));
        assertEquals(PaymentRules.EXCEEDS_LIMIT, refused("701", "4000", "9000", "5000", "300"));
        assertEquals(PaymentRules.EXCEEDS_APPROVED, refused("600", "4000", "4500", "5000", "300"));
        assertEquals(PaymentRules.EXCEEDS_APPROVED, refused("1", "0", null, "5000", "300"));
        assertEquals("invalid", refused("-1", "0", "100", "5000", "300"));
        assertEquals("required", refused(null, "0", "100", "5000", "300"));
    }

    private static String refused(String amount, String paid, String approved, String limit, String deductible) {
        ValidationException e = assertThrows(ValidationException.class, () -> PaymentRules.check(amount == null ? null : new BigDecimal(amount),
                new BigDecimal(paid), approved == null ? null : new BigDecimal(approved), new BigDecimal(limit), new BigDecimal(deductible)));
        assertEquals("amount", e.errors().get(0).field);
        return e.errors().get(0).code;
    }
}
