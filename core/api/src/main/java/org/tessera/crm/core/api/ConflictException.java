package org.tessera.crm.core.api;

/**
 * The request conflicts with the current state of a record (a duplicate key, a state transition
 * that is not allowed, a record still referenced). HTTP 409.
 */
public class ConflictException extends TesseraException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field the conflict is about, or {@code null}. */
    public String field() {
        return field;
    }
}
