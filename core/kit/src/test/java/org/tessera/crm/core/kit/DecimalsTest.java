package org.tessera.crm.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;

class DecimalsTest {

    @Test
    void ordinaryAmountsAreWithinBounds() {
        assertTrue(Decimals.isBounded(new BigDecimal("1234567.89")));
        assertTrue(Decimals.isBounded(new BigDecimal("1E+3")));
        assertTrue(Decimals.isBounded(new BigDecimal("-0.000001")));
        assertTrue(Decimals.isBounded(null));
        assertTrue(Decimals.isBounded(new BigDecimal("0E+999999999")));
        // trailing zeros beyond the fraction bound say nothing more than 1.5
        assertTrue(Decimals.isBounded(new BigDecimal("1.5" + "0".repeat(60))));
    }

    @Test
    void hugeExponentsAreRefusedAtOnceWithoutExpandingThem() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertFalse(Decimals.isBounded(new BigDecimal("1e500000000")));
            assertFalse(Decimals.isBounded(new BigDecimal("-1e500000000")));
            assertFalse(Decimals.isBounded(new BigDecimal("1e-500000000")));
            assertFalse(Decimals.isBounded(new BigDecimal("1" + "0".repeat(39))));
        });
        assertEquals("must have at most 38 digits before the decimal point", Decimals.problemOf(new BigDecimal("1e39")));
        assertEquals("must have at most 38 digits after the decimal point", Decimals.problemOf(new BigDecimal("1e-39")));
    }

    @Test
    void boundedNamesTheFieldWithA422() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Decimals.bounded("lines[0].unitPrice", new BigDecimal("1e500000000")));
        assertEquals("lines[0].unitPrice", e.errors().get(0).field);
        assertEquals(Decimals.OUT_OF_RANGE, e.errors().get(0).code);
    }
}
