package org.tessera.crm.marketing.api;

/** Names the marketing module uses everywhere: module, entity types, event topics, activity links. */
public final class MarketingConstants {
    public static final String MODULE = "marketing";
    /** Entity type of campaigns, for custom fields and the audit trail. */
    public static final String CAMPAIGN = "CAMPAIGN";
    public static final String MEMBER = "CAMPAIGN_MEMBER";
    public static final String SEGMENT = "SEGMENT";
    public static final String OFFER = "OFFER";
    public static final String SUPPRESSION = "SUPPRESSION";
    /** Topic prefix: {@code org/tessera/crm/marketing/<entity>/<ACTION>}. */
    public static final String TOPIC_PREFIX = "org/tessera/crm/marketing/";
    /** The link a response activity carries to its campaign: {@code marketing:campaign:<id>}. */
    public static final String CAMPAIGN_LINK_PREFIX = "marketing:campaign:";

    private MarketingConstants() {
    }

    /** {@code org/tessera/crm/marketing/campaign/CREATED}. */
    public static String topic(String entity, String action) {
        return TOPIC_PREFIX + entity + "/" + action;
    }
}
