package org.tessera.crm.sales.impl.rules;

import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/** Collects the rejected fields of one write, then throws them all at once. */
public final class Errors {
    private final List<FieldError> errors = new ArrayList<>();

    public Errors required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(FieldError.required(field));
        }
        return this;
    }

    public Errors invalid(String field, String message) {
        errors.add(FieldError.invalid(field, message));
        return this;
    }

    public Errors addAll(List<FieldError> more) {
        errors.addAll(more);
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
