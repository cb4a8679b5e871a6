package org.tessera.crm.sales.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tessera.crm.sales.impl.entity.OpportunityEntity;
import org.tessera.crm.sales.impl.service.ForecastTotals.Delta;
import org.tessera.crm.sales.impl.service.ForecastTotals.Share;

class ForecastTotalsTest {

    @Test
    void aDealCountsInTheMonthOfItsCloseDateUnderItsOwnerCategoryAndCurrency() {
        Share share = Share.of(deal(7L, "2031-02-17", "COMMIT", "EUR", "250.00", 90)).orElseThrow();
        assertEquals(new ForecastTotals.Key(7L, LocalDate.of(2031, 2, 1), "COMMIT", "EUR"), share.key());
        assertEquals(0, new BigDecimal("22500").compareTo(share.weighted()), "amount × probability in percent, as the grouped read sums it");
        OpportunityEntity noCurrencyNoAmount = deal(7L, "2031-02-17", "COMMIT", null, null, 90);
        assertEquals("", Share.of(noCurrencyNoAmount).orElseThrow().key().currency());
        assertEquals(BigDecimal.ZERO, Share.of(noCurrencyNoAmount).orElseThrow().amount(), "counted, adding nothing, as SUM skips a null");
    }

    @Test
    void aDealWithoutOwnerOrCloseDateIsInNoForecast() {
        assertTrue(Share.of(deal(null, "2031-02-17", "COMMIT", "EUR", "1", 10)).isEmpty());
        assertTrue(Share.of(deal(7L, null, "COMMIT", "EUR", "1", 10)).isEmpty());
    }

    @Test
    void aChangeWithinOneRowIsOneDeltaAndANoOpIsNone() {
        Optional<Share> before = Share.of(deal(7L, "2031-02-17", "COMMIT", "EUR", "250.00", 90));
        Optional<Share> later = Share.of(deal(7L, "2031-02-28", "COMMIT", "EUR", "300.00", 90));
        List<Delta> deltas = ForecastTotals.deltas(before, later);
        assertEquals(1, deltas.size(), "same month, category and currency");
        assertEquals(0, deltas.get(0).count());
        assertEquals(0, new BigDecimal("50.00").compareTo(deltas.get(0).amount()));
        assertEquals(0, new BigDecimal("4500").compareTo(deltas.get(0).weighted()));
        assertEquals(List.of(), ForecastTotals.deltas(before, before));
    }

    @Test
    void aMoveLeavesOneRowAndEntersAnotherInKeyOrder() {
        Optional<Share> march = Share.of(deal(9L, "2031-03-01", "BEST_CASE", "EUR", "100", 50));
        Optional<Share> february = Share.of(deal(9L, "2031-02-01", "COMMIT", "EUR", "100", 90));
        List<Delta> deltas = ForecastTotals.deltas(march, february);
        assertEquals(2, deltas.size());
        assertEquals(LocalDate.of(2031, 2, 1), deltas.get(0).key().month(), "rows are locked in one order by every writer");
        assertEquals(1, deltas.get(0).count());
        assertEquals(-1, deltas.get(1).count());
        assertEquals(1, ForecastTotals.deltas(Optional.empty(), march).get(0).count());
        assertEquals(-1, ForecastTotals.deltas(march, Optional.empty()).get(0).count());
    }

    private static OpportunityEntity deal(Long owner, String close, String category, String currency, String amount, int probability) {
        OpportunityEntity e = new OpportunityEntity();
        e.ownerId = owner;
        e.expectedCloseDate = close == null ? null : LocalDate.parse(close);
        e.forecastCategory = category;
        e.currency = currency;
        e.amount = amount == null ? null : new BigDecimal(amount);
        e.probability = probability;
        return e;
    }
}
