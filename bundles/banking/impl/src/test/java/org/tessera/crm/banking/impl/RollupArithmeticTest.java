package org.tessera.crm.banking.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tessera.crm.banking.api.CurrencyTotalsDTO;
import org.tessera.crm.banking.api.RollupDTO;

/** The arithmetic of a rollup once SQL has grouped the rows: classes of accounts, currencies, net worth, shared accounts. */
class RollupArithmeticTest {
    @Test
    void depositsInvestmentsLoansAndDeclaredItemsMakeTheNetWorthPerCurrency() {
        RollupDTO rollup = new RollupDTO();
        RollupQueries.fill(rollup, List.of(
                row("EUR", "CURRENT", 2, "3300.00", "3300.00"),
                row("EUR", "SAVINGS", 1, "10000.00", "10000.00"),
                row("EUR", "MORTGAGE", 1, "-150000.00", "150000.00"),   // owed, whatever the sign
                row("EUR", "CREDIT_CARD", 1, "400.00", "400.00"),
                row("EUR", "INVESTMENT", 1, "5000.00", "5000.00"),
                row("USD", "CURRENT", 1, "100.00", "100.00"),
                row("EUR", "SAFE_DEPOSIT_BOX", 1, null, null)),         // a type added to the picklist: held, not summed
                List.of(new Object[] {"EUR", "ASSET", new BigDecimal("320000")}, new Object[] {"EUR", "LIABILITY", new BigDecimal("8000")},
                        new Object[] {"GBP", "ASSET", new BigDecimal("1000")}),
                List.of());
        assertEquals(List.of("EUR", "GBP", "USD"), rollup.totals.stream().map(t -> t.currency).toList());
        CurrencyTotalsDTO eur = rollup.totals.get(0);
        assertAmount("13300", eur.deposits);
        assertAmount("5000", eur.investments);
        assertAmount("150400", eur.loans);
        assertAmount("320000", eur.assets);
        assertAmount("8000", eur.liabilities);
        assertAmount("179900", eur.netWorth);   // 13300 + 5000 + 320000 - 150400 - 8000
        assertAmount("1000", rollup.totals.get(1).netWorth);
        assertAmount("100", rollup.totals.get(2).deposits);
        assertEquals(8, rollup.countedAccounts);
        assertEquals(Map.of("CURRENT", 3, "SAVINGS", 1, "MORTGAGE", 1, "CREDIT_CARD", 1, "INVESTMENT", 1, "SAFE_DEPOSIT_BOX", 1),
                rollup.productsHeld);
    }

    @Test
    void anAccountHeldJointlyByTwoMembersIsShownOnce() {
        RollupDTO rollup = new RollupDTO();
        RollupQueries.fill(rollup, List.of(), List.of(), List.of(
                new Object[] {7L, "FR01", "SAVINGS", 21L, 30L, 99L},
                new Object[] {7L, "FR01", "SAVINGS", 22L, 30L, 99L},
                new Object[] {8L, "FR02", "CURRENT", 21L, 31L, null}));
        assertEquals(2, rollup.sharedAccounts.size());
        assertEquals("99", rollup.sharedAccounts.get(0).countedInHouseholdId);
        assertEquals(null, rollup.sharedAccounts.get(1).countedInHouseholdId);
        assertEquals(0, rollup.countedAccounts);
        assertEquals(List.of(), rollup.totals);
    }

    private static Object[] row(String currency, String type, long count, String sum, String owed) {
        return new Object[] {currency, type, count, sum == null ? null : new BigDecimal(sum), owed == null ? null : new BigDecimal(owed)};
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> expected + " expected, was " + actual);
    }
}
