package org.tessera.crm.service.api;

/** What a request status means, whatever its name: several statuses may share a category. */
public enum StatusCategory {
    NEW, OPEN, PENDING, RESOLVED, CLOSED;

    /** Resolved and closed requests are no longer worked on: their clocks stop, they are not "open". */
    public boolean isDone() {
        return this == RESOLVED || this == CLOSED;
    }
}
