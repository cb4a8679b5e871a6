package org.tessera.crm.sales.impl.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.tessera.crm.marketing.api.OfferPriceRules;
import org.tessera.crm.sales.api.LineItemDTO;

/** Campaign offers' discounts on lines: only with marketing bound, only on lines without a discount of their own. */
class CampaignDiscountsTest {
    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);
    /** Marketing's rule here: 10 % on product 7 from 5 units, for campaign 42. */
    private static final OfferPriceRules RULES = (campaign, product, quantity, day) ->
            "42".equals(campaign) && "7".equals(product) && quantity.compareTo(BigDecimal.valueOf(5)) >= 0
                    ? Optional.of(BigDecimal.TEN) : Optional.empty();

    @Test
    void withoutMarketingNothingChanges() {
        LineItemDTO line = line("7", 10, null);
        new CampaignDiscounts().apply("42", List.of(line), DAY);
        assertNull(line.discount);
    }

    @Test
    void withMarketingTheOfferFillsMissingDiscountsOnly() {
        CampaignDiscounts discounts = new CampaignDiscounts();
        ComponentServiceObjects<OfferPriceRules> bound = bound(RULES);
        discounts.bind(bound);
        LineItemDTO eligible = line("7", 6, null);
        LineItemDTO tooFew = line("7", 2, null);
        LineItemDTO ownDiscount = line("7", 6, BigDecimal.ONE);
        LineItemDTO otherProduct = line("8", 6, null);
        discounts.apply("42", List.of(eligible, tooFew, ownDiscount, otherProduct), DAY);
        assertEquals(BigDecimal.TEN, eligible.discount);
        assertNull(tooFew.discount);
        assertEquals(BigDecimal.ONE, ownDiscount.discount);
        assertNull(otherProduct.discount);
        LineItemDTO noCampaign = line("7", 6, null);
        discounts.apply(null, List.of(noCampaign), DAY);
        assertNull(noCampaign.discount);
        discounts.unbind(bound);
        LineItemDTO afterUnbind = line("7", 6, null);
        discounts.apply("42", List.of(afterUnbind), DAY);
        assertNull(afterUnbind.discount, "marketing left");
    }

    private static LineItemDTO line(String product, int quantity, BigDecimal discount) {
        LineItemDTO line = new LineItemDTO();
        line.productId = product;
        line.quantity = BigDecimal.valueOf(quantity);
        line.discount = discount;
        return line;
    }

    private static ComponentServiceObjects<OfferPriceRules> bound(OfferPriceRules rules) {
        return new ComponentServiceObjects<>() {
            @Override
            public OfferPriceRules getService() {
                return rules;
            }

            @Override
            public void ungetService(OfferPriceRules service) {
            }

            @Override
            public ServiceReference<OfferPriceRules> getServiceReference() {
                return null;
            }
        };
    }
}
