package org.tessera.crm.core.api.party;

/** How a party can be reached. */
public enum ContactMechanismType {
    EMAIL, PHONE, POSTAL, WEB
}
