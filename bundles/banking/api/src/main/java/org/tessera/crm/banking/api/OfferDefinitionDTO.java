package org.tessera.crm.banking.api;

/**
 * What a rule offers. {@code source} {@code "banking"} (the default) is a named product offer defined
 * by the rule itself ({@code code}, {@code name}, {@code productType}); any other source is looked up
 * by {@code code} in the {@link OfferSource} registered under that name (a marketing offer when the
 * marketing module provides one).
 */
public class OfferDefinitionDTO {
    public static final String BANKING_SOURCE = "banking";

    public String source;
    public String code;
    public String name;
    /** The account type the offer sells, if any (e.g. SAVINGS). */
    public String productType;
    public String description;
    /**
     * The marketing campaign the offer belongs to, set by a source that knows it: an accepted offer's
     * opportunity is attributed to it, so the campaign's ROI counts what the offer won.
     */
    public String campaignId;
}
