package org.tessera.crm.core.impl.validation;

import java.util.List;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/**
 * The state a write would store, built from what a client sent, with the field errors that keep
 * it from being stored (none when it passed). A single write throws them; an import reports them
 * as its row's reasons and goes on.
 *
 * @param <T> the record's DTO
 */
public record Candidate<T>(T value, List<FieldError> errors) {
    public Candidate {
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /**
     * The candidate, when it passed.
     *
     * @throws ValidationException with every field error, when there are any
     */
    public T orThrow() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return value;
    }
}
