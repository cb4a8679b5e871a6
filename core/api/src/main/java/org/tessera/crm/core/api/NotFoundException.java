package org.tessera.crm.core.api;

/** The record does not exist (or is outside the caller's scope, which must look the same). HTTP 404. */
public class NotFoundException extends TesseraException {
    private static final long serialVersionUID = 1L;
    private final String entityType;
    private final String id;

    public NotFoundException(String entityType, String id) {
        super(entityType + " " + id + " not found");
        this.entityType = entityType;
        this.id = id;
    }

    public String entityType() {
        return entityType;
    }

    public String id() {
        return id;
    }
}
