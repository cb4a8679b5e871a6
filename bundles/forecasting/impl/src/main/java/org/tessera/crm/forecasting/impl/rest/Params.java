package org.tessera.crm.forecasting.impl.rest;

import java.util.Locale;

import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.QueryParams;

/** Query parameters of the forecasting resources that the kit has no parser for. */
final class Params {
    private Params() {
    }

    /** {@code true}, {@code false}, or {@code null} when absent. */
    static Boolean bool(String name, String raw) {
        String value = QueryParams.text(raw);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badParameter(name, "must be true or false");
        };
    }

    static Integer integer(String name, String raw) {
        String value = QueryParams.text(raw);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException notANumber) {
            throw ProblemException.badParameter(name, "must be an integer");
        }
    }
}
