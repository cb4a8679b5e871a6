package org.tessera.crm.banking.api;

/** Event Admin topics the pack posts after commit, with the core's event properties. */
public final class BankingTopics {
    private static final String BASE = "org/tessera/crm/banking/";
    public static final String ACCOUNT_CREATED = BASE + "account/CREATED";
    public static final String ACCOUNT_UPDATED = BASE + "account/UPDATED";
    public static final String ACCOUNT_DELETED = BASE + "account/DELETED";
    public static final String HOUSEHOLD_MEMBER_CHANGED = BASE + "household/MEMBER_CHANGED";
    public static final String LIFE_EVENT_CREATED = BASE + "lifeevent/CREATED";
    public static final String LIFE_EVENT_UPDATED = BASE + "lifeevent/UPDATED";
    public static final String OFFER_RULE_CHANGED = BASE + "offerrule/CHANGED";
    public static final String OFFER_ACCEPTED = BASE + "offer/ACCEPTED";
    public static final String OFFER_REJECTED = BASE + "offer/REJECTED";

    private BankingTopics() {
    }
}
