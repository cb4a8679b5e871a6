package org.tessera.crm.banking.impl;

import org.tessera.crm.banking.api.OfferDefinitionDTO;
import org.tessera.crm.sales.api.OpportunityDTO;
import org.tessera.crm.sales.api.OpportunityService;

/**
 * An accepted offer as a sales opportunity. Satisfied only while sales is installed (its package is
 * an optional import of the bundle); DS then registers it and the offer service binds it greedily.
 * Its component description is hand-written, {@code src/main/osgi/sales-follow-up.xml} (constructor
 * injection), see bnd.bnd for why.
 */
public class SalesOpportunityFollowUp implements OpportunityFollowUp {
    private final OpportunityService opportunities;

    public SalesOpportunityFollowUp(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public String create(String partyId, OfferDefinitionDTO offer, String note) {
        OpportunityDTO draft = new OpportunityDTO();
        draft.accountId = partyId;
        draft.name = offer.name;
        draft.nextStep = note;
        draft.campaignId = offer.campaignId;
        OpportunityDTO created = opportunities.create(draft);
        return "sales:opportunity:" + created.id;
    }
}
