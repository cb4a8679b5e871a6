package org.tessera.crm.core.api.event;

import org.tessera.crm.core.api.TesseraException;

/** A change feed cursor points before the oldest change kept: the reader missed changes and must resynchronise. */
public class CursorExpiredException extends TesseraException {
    private static final long serialVersionUID = 1L;

    public CursorExpiredException(String message) {
        super(message);
    }
}
