package org.tessera.crm.core.api;

/**
 * The caller's copy of a record is older than the stored one: someone else changed it in
 * between. HTTP 412 when the version came from {@code If-Match}.
 */
public class StaleVersionException extends TesseraException {
    private static final long serialVersionUID = 1L;
    private final long expectedVersion;
    private final long actualVersion;

    public StaleVersionException(String entityType, String id, long expectedVersion, long actualVersion) {
        super(entityType + " " + id + " is at version " + actualVersion + ", not " + expectedVersion);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
