package org.tessera.crm.sales.api;

/** Derived from the stage: OPEN until a closed stage, then WON or LOST. */
public enum OpportunityStatus {
    OPEN, WON, LOST
}
