package org.tessera.crm.insurance.api;

/**
 * {@code REPORTED → UNDER_ASSESSMENT → APPROVED | DENIED}, {@code APPROVED → PAID → CLOSED},
 * {@code DENIED → CLOSED}; a closed claim can be {@code REOPENED}, and is then assessed again.
 */
public enum ClaimStatus {
    REPORTED, UNDER_ASSESSMENT, APPROVED, DENIED, PAID, CLOSED, REOPENED;

    /** Whether the claim still needs handling. */
    public boolean open() {
        return this != CLOSED;
    }
}
