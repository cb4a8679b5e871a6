package org.tessera.crm.banking.api;

/** A member's role in a household. */
public enum HouseholdRole {
    HEAD, SPOUSE, PARTNER, DEPENDENT, OTHER
}
