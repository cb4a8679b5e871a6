package org.tessera.crm.core.api.party;

/** Lifecycle status of a party. {@code MERGED} parties survive only as a pointer to the survivor. */
public enum PartyStatus {
    ACTIVE, INACTIVE, MERGED
}
