package org.tessera.crm.core.api.privacy;

/** Whether a party agreed to be contacted for a purpose on a channel. */
public enum ConsentStatus {
    GRANTED, WITHDRAWN
}
