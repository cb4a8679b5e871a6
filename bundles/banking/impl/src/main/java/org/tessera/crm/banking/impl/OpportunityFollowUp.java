package org.tessera.crm.banking.impl;

import org.tessera.crm.banking.api.OfferDefinitionDTO;

/**
 * The seam between an accepted offer and the sales module, inside this bundle: registered by
 * {@link SalesOpportunityFollowUp} only while sales' opportunity service is there, so that nothing
 * else of the pack loads a sales class.
 */
public interface OpportunityFollowUp {
    /** Creates the opportunity and returns its link, {@code sales:opportunity:<id>}. */
    String create(String partyId, OfferDefinitionDTO offer, String note);
}
