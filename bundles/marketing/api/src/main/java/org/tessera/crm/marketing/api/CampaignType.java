package org.tessera.crm.marketing.api;

/** How a campaign reaches its members; it decides the contact mechanism whose opt-out is honoured. */
public enum CampaignType {
    EMAIL, PHONE, DIRECT_MAIL, EVENT, WEB, ADVERTISING, OTHER
}
