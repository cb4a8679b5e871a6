package org.tessera.crm.core.impl.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday: the business days an action plan's step offsets count (no holiday calendar in the core). */
public final class BusinessDays {
    private BusinessDays() {
    }

    /** {@code days} business days after {@code start}; from a weekend, day 0 is the next Monday. */
    public static LocalDate plus(LocalDate start, int days) {
        LocalDate day = start;
        while (isWeekend(day)) {
            day = day.plusDays(1);
        }
        for (int left = days; left > 0; left--) {
            day = day.plusDays(1);
            while (isWeekend(day)) {
                day = day.plusDays(1);
            }
        }
        return day;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
