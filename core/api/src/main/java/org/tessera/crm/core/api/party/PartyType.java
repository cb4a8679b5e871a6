package org.tessera.crm.core.api.party;

/** The kind of a party; persons, organizations and households share one id space. */
public enum PartyType {
    PERSON, ORGANIZATION, HOUSEHOLD
}
