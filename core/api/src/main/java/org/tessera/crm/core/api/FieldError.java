package org.tessera.crm.core.api;

import java.util.Objects;

/**
 * One rejected field of a write: which field (a JSON path such as {@code contactMechanisms[1].value}
 * or {@code customFields.segment}), a stable machine code and a human message.
 */
public final class FieldError {
    public String field;
    public String code;
    public String message;

    public FieldError() {
    }

    public FieldError(String field, String code, String message) {
        this.field = field;
        this.code = code;
        this.message = message;
    }

    /** A field that must be present is missing. */
    public static FieldError required(String field) {
        return new FieldError(field, "required", "must not be empty");
    }

    /** A field holds a value that is not acceptable. */
    public static FieldError invalid(String field, String message) {
        return new FieldError(field, "invalid", message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldError e && Objects.equals(field, e.field) && Objects.equals(code, e.code)
                && Objects.equals(message, e.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, code, message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
