package org.tessera.crm.banking.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tessera.crm.banking.api.OfferDefinitionDTO;
import org.tessera.crm.marketing.api.OfferCatalog;
import org.tessera.crm.marketing.api.OfferDTO;

class MarketingOfferSourceTest {

    @Test
    void aCampaignOfferBecomesADefinitionAttributedToItsCampaignOnTheDayOfTheClock() {
        List<LocalDate> asked = new ArrayList<>();
        OfferCatalog catalog = (id, day) -> {
            asked.add(day);
            if (!"41".equals(id)) {
                return Optional.empty();
            }
            OfferDTO offer = new OfferDTO();
            offer.id = "41";
            offer.campaignId = "7";
            offer.name = "Savings booster";
            offer.description = "1.5 % the first year";
            return Optional.of(offer);
        };
        Clock clock = Clock.fixed(Instant.parse("2026-04-15T23:30:00Z"), ZoneOffset.ofHours(2));
        MarketingOfferSource source = new MarketingOfferSource(catalog, clock);

        OfferDefinitionDTO definition = source.resolve("41").orElseThrow();
        assertEquals("marketing", definition.source);
        assertEquals("41", definition.code);
        assertEquals("Savings booster", definition.name);
        assertEquals("1.5 % the first year", definition.description);
        assertEquals("7", definition.campaignId);
        assertEquals(LocalDate.of(2026, 4, 16), asked.get(0), "the day in the clock's zone");
        assertTrue(source.resolve("42").isEmpty(), "an offer the catalog does not offer that day");
    }
}
