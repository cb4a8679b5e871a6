package org.tessera.crm.core.api;

/**
 * The caller may not do this with the record or the input it named: a field it may not read used
 * as a filter, for example. HTTP 403, naming the offending field or query parameter.
 */
public class ForbiddenException extends TesseraException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field or query parameter the refusal is about, or {@code null}. */
    public String field() {
        return field;
    }
}
