package org.tessera.crm.banking.api;

/** Entity type names of the pack: for custom fields, validators, audit and events. */
public final class BankingEntityTypes {
    /** Module name, in links ({@code banking:account:<id>}), events and permissions. */
    public static final String MODULE = "banking";
    /** A financial account; custom fields (such as a KYC risk rating) are defined on it. */
    public static final String ACCOUNT = "BANKING_ACCOUNT";
    public static final String HOLDING = "BANKING_HOLDING";
    public static final String ASSET = "BANKING_ASSET";
    public static final String HOUSEHOLD_MEMBER = "BANKING_HOUSEHOLD_MEMBER";
    public static final String LIFE_EVENT = "BANKING_LIFE_EVENT";
    public static final String OFFER_RULE = "BANKING_OFFER_RULE";
    public static final String OFFER_DECISION = "BANKING_OFFER_DECISION";

    /** Picklist of account types; an administrator or a module may add codes. */
    public static final String ACCOUNT_TYPE_PICKLIST = "banking-account-type";
    /** Picklist of life event types. */
    public static final String LIFE_EVENT_TYPE_PICKLIST = "banking-life-event-type";

    private BankingEntityTypes() {
    }

    /** Link of an account in core activities and timelines: {@code banking:account:<id>}. */
    public static String accountLink(String accountId) {
        return MODULE + ":account:" + accountId;
    }
}
