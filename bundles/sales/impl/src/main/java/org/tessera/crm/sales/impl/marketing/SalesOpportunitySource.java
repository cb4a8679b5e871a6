package org.tessera.crm.sales.impl.marketing;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.marketing.api.spi.OpportunitySource;

/**
 * Sales' opportunities and leads as marketing's campaign totals read them, described as SQL over
 * sales' own tables (one database): marketing counts, sums and attributes them without loading
 * them. A delayed component: its class is loaded only when marketing asks for it.
 */
@Component
public class SalesOpportunitySource implements OpportunitySource {

    @Override
    public String opportunitiesSql() {
        return "SELECT so.id AS opportunity_id, so.account_id AS account_id, so.campaign_id AS campaign_id,"
                + " CASE WHEN so.status = 'WON' THEN 1 ELSE 0 END AS won, so.amount AS amount, so.created_at AS created_at"
                + " FROM sales_opportunity so";
    }

    @Override
    public String leadsSql() {
        return "SELECT sl.campaign_id AS campaign_id, CASE WHEN sl.status = 'CONVERTED' THEN 1 ELSE 0 END AS converted FROM sales_lead sl";
    }
}
