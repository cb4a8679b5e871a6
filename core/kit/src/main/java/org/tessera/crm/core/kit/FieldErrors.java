package org.tessera.crm.core.kit;

import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/**
 * Collects every rejected field of one write, then throws them together (a 422 that names each
 * field), so a client fixes its input in one round trip.
 */
public final class FieldErrors {
    /** The {@code code} of an error about a value beyond a bound of the server (too many words, a JSON string too long…). */
    public static final String LIMIT_EXCEEDED = "limit_exceeded";
    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(FieldError error) {
        errors.add(error);
        return this;
    }

    public FieldErrors addAll(List<FieldError> more) {
        errors.addAll(more);
        return this;
    }

    /** Rejects a missing value: {@code null}, or a blank string. */
    public FieldErrors required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(FieldError.required(field));
        }
        return this;
    }

    public FieldErrors maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "too_long", "must be at most " + max + " characters"));
        }
        return this;
    }

    public FieldErrors invalid(String field, String message) {
        errors.add(FieldError.invalid(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** @throws ValidationException when any field was rejected */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
