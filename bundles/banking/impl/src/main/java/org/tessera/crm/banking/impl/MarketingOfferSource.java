package org.tessera.crm.banking.impl;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.tessera.crm.banking.api.OfferDefinitionDTO;
import org.tessera.crm.banking.api.OfferSource;
import org.tessera.crm.marketing.api.OfferCatalog;
import org.tessera.crm.marketing.api.OfferDTO;

/**
 * The marketing module's campaign offers as the offer source {@code marketing}: a rule's offer
 * {@code {"source": "marketing", "code": "<offer id>"}} is proposed while the offer is valid that day
 * in an active campaign, and an accepted one's opportunity is attributed to that campaign. Satisfied
 * only while marketing's {@link OfferCatalog} is registered (its package is an optional import);
 * the component description is hand-written, {@code src/main/osgi/marketing-offer-source.xml}, for
 * the same reason as the sales follow-up's (bnd.bnd).
 */
public class MarketingOfferSource implements OfferSource {
    static final String SOURCE_NAME = "marketing";

    private final OfferCatalog catalog;
    private final Clock clock;

    public MarketingOfferSource(OfferCatalog catalog) {
        this(catalog, Clock.systemDefaultZone());
    }

    MarketingOfferSource(OfferCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public Optional<OfferDefinitionDTO> resolve(String code) {
        return catalog.available(code, LocalDate.now(clock)).map(MarketingOfferSource::definition);
    }

    private static OfferDefinitionDTO definition(OfferDTO offer) {
        OfferDefinitionDTO definition = new OfferDefinitionDTO();
        definition.source = SOURCE_NAME;
        definition.code = offer.id;
        definition.name = offer.name;
        definition.description = offer.description;
        definition.campaignId = offer.campaignId;
        return definition;
    }
}
