package org.tessera.crm.forecasting.impl.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.forecasting.api.PeriodType;

/**
 * The periods of a fiscal year that starts on the first day of {@code startMonth} of the calendar
 * year it is named after: twelve months, four quarters and the year.
 */
public final class FiscalPeriods {
    /** One period to create. */
    public record Span(PeriodType type, String name, LocalDate start, LocalDate end) {
    }

    private FiscalPeriods() {
    }

    public static List<Span> of(int fiscalYear, int startMonth) {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("start month " + startMonth);
        }
        LocalDate start = LocalDate.of(fiscalYear, startMonth, 1);
        String prefix = "FY" + fiscalYear;
        List<Span> spans = new ArrayList<>();
        spans.add(new Span(PeriodType.YEAR, prefix, start, start.plusYears(1).minusDays(1)));
        for (int q = 0; q < 4; q++) {
            LocalDate from = start.plusMonths(3L * q);
            spans.add(new Span(PeriodType.QUARTER, prefix + "-Q" + (q + 1), from, from.plusMonths(3).minusDays(1)));
        }
        for (int m = 0; m < 12; m++) {
            LocalDate from = start.plusMonths(m);
            spans.add(new Span(PeriodType.MONTH, prefix + String.format("-M%02d", m + 1), from, from.plusMonths(1).minusDays(1)));
        }
        return spans;
    }
}
