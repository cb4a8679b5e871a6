package org.tessera.crm.core.api.imports;

/** Where an import job stands. {@link #DONE}, {@link #FAILED} and {@link #CANCELLED} are final. */
public enum ImportJobState {
    /** Waiting for the worker (or for its entity type's module to be installed). */
    QUEUED,
    /** Being read and written, chunk by chunk. */
    RUNNING,
    /** Every row read; rejected rows are in the report. */
    DONE,
    /** Stopped by an error that is not a row's own (the file is unreadable, the submitter lost the permission). */
    FAILED,
    /** Stopped on request; the chunks already committed stay written. */
    CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
