package org.tessera.crm.sales.impl.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.QueryParams;

/**
 * The {@code closeFrom} / {@code closeTo} query parameters of the opportunity list and the pipeline
 * summary, parsed the same way for both so that a board and its column totals filter alike.
 */
record CloseDateRange(LocalDate from, LocalDate to) {

    /** @throws ProblemException 400 naming the parameter that is not an ISO date, or {@code closeTo} before {@code closeFrom} */
    static CloseDateRange of(String closeFrom, String closeTo) {
        CloseDateRange range = new CloseDateRange(date("closeFrom", closeFrom), date("closeTo", closeTo));
        if (range.from != null && range.to != null && range.to.isBefore(range.from)) {
            throw ProblemException.badParameter("closeTo", "must not be before closeFrom");
        }
        return range;
    }

    private static LocalDate date(String name, String raw) {
        String value = QueryParams.text(raw);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "must be an ISO-8601 date such as 2026-12-31");
        }
    }
}
