package org.tessera.crm.marketing.api;

/**
 * How opportunities are credited to campaigns: {@code PRIMARY} to the opportunity's own
 * {@code campaignId}; {@code EVEN_SPLIT} evenly over the campaigns the account (or its contacts)
 * responded to in the 90 days before the opportunity was created.
 */
public enum AttributionModel {
    PRIMARY, EVEN_SPLIT
}
