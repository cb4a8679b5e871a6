package org.tessera.crm.sales.impl.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.tessera.crm.marketing.api.OfferPriceRules;
import org.tessera.crm.sales.api.LineItemDTO;

/** The one place sales names marketing's price rules; loaded only when they are bound. */
final class OfferDiscounts {
    private OfferDiscounts() {
    }

    static void apply(Object service, String campaignId, List<LineItemDTO> lines, LocalDate day) {
        OfferPriceRules rules = (OfferPriceRules) service;
        for (LineItemDTO line : lines) {
            if (line.discount == null && line.productId != null && line.quantity != null) {
                Optional<BigDecimal> percent = rules.discountPercent(campaignId, line.productId, line.quantity, day);
                percent.ifPresent(p -> line.discount = p);
            }
        }
    }
}
