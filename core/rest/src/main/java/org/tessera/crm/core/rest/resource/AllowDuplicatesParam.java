package org.tessera.crm.core.rest.resource;

import java.util.Locale;

import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.QueryParams;

/** The {@code allowDuplicates} query parameter of party writes: {@code true}, {@code false} or absent (false). */
final class AllowDuplicatesParam {
    static final String NAME = "allowDuplicates";

    private AllowDuplicatesParam() {
    }

    static boolean of(String raw) {
        String value = QueryParams.text(raw);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badParameter(NAME, "must be true or false");
        };
    }
}
