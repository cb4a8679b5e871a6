package org.tessera.crm.sales.impl.marketing;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.ComponentServiceObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.sales.api.LineItemDTO;

/**
 * The discounts of the offers of the campaign a deal is attributed to, when marketing is present:
 * a line without a discount of its own gets the best percentage an offer's price rule gives its
 * product and quantity. Holds marketing's price rules as an untyped service, so that this class (and
 * the service that uses it) loads without marketing's API.
 */
public final class CampaignDiscounts {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignDiscounts.class);
    private volatile ComponentServiceObjects<?> rules;

    public void bind(ComponentServiceObjects<?> bound) {
        this.rules = bound;
    }

    public void unbind(ComponentServiceObjects<?> unbound) {
        if (this.rules == unbound) {
            this.rules = null;
        }
    }

    /** Fills the missing discounts of {@code lines}; does nothing without marketing or without a campaign. */
    public void apply(String campaignId, List<LineItemDTO> lines, LocalDate day) {
        ComponentServiceObjects<?> current = rules;
        if (current == null || campaignId == null || lines.isEmpty()) {
            return;
        }
        Object service = current.getService();
        if (service == null) {
            return;
        }
        try {
            OfferDiscounts.apply(service, campaignId, lines, day);
        } catch (LinkageError unwired) {
            // sales was resolved before marketing's API was ever installed: its optional import is
            // unwired until the sales bundle is refreshed; price the lines as without marketing
            LOG.warn("campaign offers are not applied until the sales bundle is refreshed: {}", unwired.toString());
        } finally {
            current.ungetService(cast(service));
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> S cast(Object service) {
        return (S) service;
    }
}
