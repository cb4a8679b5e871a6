package org.tessera.crm.core.api.spi;

/**
 * How the contribution of one whiteboard contributor (an overview section, a search group) came
 * out. The core computes contributions in parallel within a time budget; one that fails or is too
 * slow is reported with its status instead of failing the whole answer.
 */
public enum ContributionStatus {
    /** Computed in time; its content is complete. */
    OK,
    /** Not computed within the time budget; it has no content. */
    TIMEOUT,
    /** The contributor failed; it has no content (the fault is logged on the server). */
    ERROR
}
