package org.tessera.crm.core.api;

import java.util.List;

/** A write was rejected because one or more fields are invalid. HTTP 422, each field named. */
public class ValidationException extends TesseraException {
    private static final long serialVersionUID = 1L;
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : "invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public ValidationException(FieldError error) {
        this(List.of(error));
    }

    /** The rejected fields; never empty when thrown by a Tessera service. */
    public List<FieldError> errors() {
        return errors;
    }
}
