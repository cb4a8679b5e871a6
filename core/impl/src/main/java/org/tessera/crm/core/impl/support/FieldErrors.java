package org.tessera.crm.core.impl.support;

import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/** Collects every field error of a write, then throws them together. */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(FieldError error) {
        errors.add(error);
        return this;
    }

    public FieldErrors addAll(List<FieldError> more) {
        errors.addAll(more);
        return this;
    }

    public void required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(FieldError.required(field));
        }
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "too_long", "must be at most " + max + " characters"));
        }
    }

    public void invalid(String field, String message) {
        errors.add(FieldError.invalid(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
