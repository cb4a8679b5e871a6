package org.tessera.crm.core.api;

/**
 * Base of the exceptions that core and module services throw for a request that cannot be
 * honoured. The REST layer maps each subtype to an RFC 9457 problem response.
 */
public abstract class TesseraException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected TesseraException(String message) {
        super(message);
    }
}
