package org.tessera.crm.marketing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The price rules of a campaign's offers, for the module that prices lines (sales): the discount
 * a line of {@code quantity} × {@code productId} gets from the offers of the campaign a deal is
 * attributed to, on a given day.
 */
@ProviderType
public interface OfferPriceRules {

    /**
     * The largest percentage discount (0 to 100) among the campaign's offers valid on {@code day}
     * whose rule applies to the product from the offer's minimum quantity; empty when none does,
     * or when the campaign id is not a campaign.
     */
    Optional<BigDecimal> discountPercent(String campaignId, String productId, BigDecimal quantity, LocalDate day);
}
