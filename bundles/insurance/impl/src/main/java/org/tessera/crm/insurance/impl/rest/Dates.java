package org.tessera.crm.insurance.impl.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.kit.rest.QueryParams;

/** ISO dates in query parameters. */
final class Dates {
    private Dates() {
    }

    static LocalDate param(String name, String raw) {
        String text = QueryParams.text(raw);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(new FieldError(name, "invalid", "not an ISO date (YYYY-MM-DD)"));
        }
    }
}
