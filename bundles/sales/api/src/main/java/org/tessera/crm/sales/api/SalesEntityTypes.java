package org.tessera.crm.sales.api;

/**
 * Entity types of the sales module, as used by custom field definitions, validators
 * ({@code org.tessera.crm.core.api.spi.Validator}), events and activity links.
 */
public final class SalesEntityTypes {
    public static final String LEAD = "LEAD";
    public static final String OPPORTUNITY = "OPPORTUNITY";
    public static final String QUOTE = "QUOTE";
    public static final String PRODUCT = "PRODUCT";
    public static final String PRICE_LIST = "PRICE_LIST";
    public static final String PIPELINE = "PIPELINE";

    /** Prefix of an activity link to an opportunity: {@code sales:opportunity:<id>}. */
    public static final String OPPORTUNITY_LINK_PREFIX = "sales:opportunity:";
    /** Prefix of an activity link to a lead: {@code sales:lead:<id>}. */
    public static final String LEAD_LINK_PREFIX = "sales:lead:";

    private SalesEntityTypes() {
    }
}
