package org.tessera.crm.sales.api;

/**
 * Event Admin topics of the sales module, posted after the transaction that caused them commits,
 * with the properties of {@code org.tessera.crm.core.api.event.CoreEvents} ({@code id},
 * {@code entityType}, {@code version}, {@code changedFields}) plus those below.
 */
public final class SalesTopics {
    public static final String LEAD_CREATED = "org/tessera/crm/sales/lead/CREATED";
    public static final String LEAD_UPDATED = "org/tessera/crm/sales/lead/UPDATED";
    public static final String LEAD_CONVERTED = "org/tessera/crm/sales/lead/CONVERTED";
    public static final String LEAD_DELETED = "org/tessera/crm/sales/lead/DELETED";
    public static final String OPPORTUNITY_CREATED = "org/tessera/crm/sales/opportunity/CREATED";
    public static final String OPPORTUNITY_UPDATED = "org/tessera/crm/sales/opportunity/UPDATED";
    public static final String OPPORTUNITY_DELETED = "org/tessera/crm/sales/opportunity/DELETED";
    public static final String OPPORTUNITY_STAGE_CHANGED = "org/tessera/crm/sales/opportunity/STAGE_CHANGED";
    public static final String OPPORTUNITY_WON = "org/tessera/crm/sales/opportunity/WON";
    public static final String OPPORTUNITY_LOST = "org/tessera/crm/sales/opportunity/LOST";
    public static final String QUOTE_STATUS_CHANGED = "org/tessera/crm/sales/quote/STATUS_CHANGED";
    public static final String QUOTE_DELETED = "org/tessera/crm/sales/quote/DELETED";
    /** Every sales topic, for a subscriber. */
    public static final String ALL_SALES = "org/tessera/crm/sales/*";

    /** Property of stage events: the stage code before the change (absent on create). */
    public static final String PREVIOUS_STAGE = "previousStage";
    /** Property of stage events: the stage code after the change. */
    public static final String STAGE = "stage";
    /** Property of lead conversion: the ids created or reused. */
    public static final String ACCOUNT_ID = "accountId";
    public static final String CONTACT_ID = "contactId";
    public static final String OPPORTUNITY_ID = "opportunityId";

    private SalesTopics() {
    }
}
