package org.tessera.crm.forecasting.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tessera.crm.forecasting.impl.rules.Fixture.eur;
import static org.tessera.crm.forecasting.impl.rules.Fixture.forecast;
import static org.tessera.crm.forecasting.impl.rules.Fixture.lines;
import static org.tessera.crm.forecasting.api.Category.BEST_CASE;
import static org.tessera.crm.forecasting.api.Category.CLOSED;
import static org.tessera.crm.forecasting.api.Category.COMMIT;
import static org.tessera.crm.forecasting.api.Category.OMITTED;
import static org.tessera.crm.forecasting.api.Category.PIPELINE;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class LinesTest {

    @Test
    void cumulativeModeIncludesCommitAndClosedInBestCaseAndTheOpenCategoriesInPipeline() {
        Lines cumulative = lines(PIPELINE, 100, BEST_CASE, 20, COMMIT, 3, CLOSED, 4000, OMITTED, 50000).cumulative();
        assertEquals(0, new BigDecimal("4000").compareTo(forecast(cumulative, CLOSED)));
        assertEquals(0, new BigDecimal("4003").compareTo(forecast(cumulative, COMMIT)));
        assertEquals(0, new BigDecimal("4023").compareTo(forecast(cumulative, BEST_CASE)));
        assertEquals(0, new BigDecimal("123").compareTo(forecast(cumulative, PIPELINE)), "the open pipeline: what is closed is not in it");
        assertEquals(0, new BigDecimal("50000").compareTo(forecast(cumulative, OMITTED)), "omitted stays alone");
        assertEquals(3, cumulative.get(eur(BEST_CASE)).count());
    }

    @Test
    void anAdjustmentStaysOnItsOwnCategoryInTheCumulativeView() {
        Lines plain = lines(COMMIT, 10, CLOSED, 5);
        plain.put(eur(COMMIT), plain.get(eur(COMMIT)).adjustedTo(new BigDecimal("12")));
        Lines cumulative = plain.cumulative();
        assertEquals(0, new BigDecimal("12").compareTo(cumulative.get(eur(COMMIT)).adjusted()));
        assertNull(cumulative.get(eur(BEST_CASE)).adjusted());
        assertEquals(0, new BigDecimal("17").compareTo(forecast(cumulative, BEST_CASE)), "best case sums the adjusted commit");
    }

    @Test
    void linesOfTheSameCategoryAndCurrencyAddUp() {
        Lines sum = lines(COMMIT, 10).addAll(lines(COMMIT, 5, CLOSED, 1));
        assertEquals(0, new BigDecimal("15").compareTo(forecast(sum, COMMIT)));
        assertEquals(2, sum.get(eur(COMMIT)).count());
        assertEquals(0, new BigDecimal("1.5").compareTo(sum.get(eur(COMMIT)).weighted()));
        sum.add(new LineKey(COMMIT, "USD"), Figures.computed(1, BigDecimal.ONE, BigDecimal.ONE));
        assertEquals(3, sum.asMap().size(), "another currency is another line");
    }
}
