package org.tessera.crm.insurance.api;

/** The pack's names: module, entity types (custom fields, audit, events), links and event topics. */
public final class Insurance {
    public static final String MODULE = "insurance";
    /** A policy term. */
    public static final String POLICY = "INSURANCE_POLICY";
    public static final String CLAIM = "INSURANCE_CLAIM";
    /** A renewal or lapse run, audited as one record. */
    public static final String RUN = "INSURANCE_RUN";
    /** The activity type of the agent's renewal reminder, added to the core's activity-type picklist. */
    public static final String RENEWAL_ACTIVITY = "POLICY_RENEWAL";
    /** The line-of-business picklist, administered through the core's picklists. */
    public static final String LINE_PICKLIST = "insurance-line-of-business";

    public static final String TOPIC_PREFIX = "org/tessera/crm/insurance/";
    public static final String POLICY_TOPIC = TOPIC_PREFIX + "policy/";
    public static final String CLAIM_TOPIC = TOPIC_PREFIX + "claim/";

    private Insurance() {
    }

    /** Link of a policy term in core activities: {@code insurance:policy:<id>}. */
    public static String policyLink(String policyId) {
        return MODULE + ":policy:" + policyId;
    }

    /** Link of a claim in core activities and service requests: {@code insurance:claim:<id>}. */
    public static String claimLink(String claimId) {
        return MODULE + ":claim:" + claimId;
    }
}
