package org.tessera.crm.marketing.impl.rest;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.kit.rest.ProblemException;

/** Request bodies and flags: a missing body is a 422 on {@code body}, not a NullPointerException. */
final class Bodies {
    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new ValidationException(FieldError.required("body"));
        }
        return body;
    }

    /** {@code true}/{@code false}, absent = false; anything else is a 400 naming the parameter. */
    static boolean flag(String name, String raw) {
        if (raw == null || raw.isBlank() || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw ProblemException.badParameter(name, "must be true or false");
    }
}
