package org.tessera.crm.sales.api;

/** DRAFT → IN_REVIEW → APPROVED/REJECTED → PRESENTED → ACCEPTED/DENIED; REJECTED may go back to DRAFT. */
public enum QuoteStatus {
    DRAFT, IN_REVIEW, APPROVED, REJECTED, PRESENTED, ACCEPTED, DENIED
}
