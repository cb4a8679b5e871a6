package org.tessera.crm.banking.api;

/** What the agent did with a proposed offer. */
public enum OfferDecision {
    ACCEPTED, REJECTED
}
