package org.tessera.crm.sales.impl.service;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.security.PermissionProvider;

/** The permissions the sales resources check; they leave with the module. */
@Component(service = PermissionProvider.class)
public class SalesPermissions implements PermissionProvider {
    public static final String LEAD_READ = "sales.lead.read";
    public static final String LEAD_WRITE = "sales.lead.write";
    public static final String OPPORTUNITY_READ = "sales.opportunity.read";
    public static final String OPPORTUNITY_WRITE = "sales.opportunity.write";
    /** Export opportunities as a file ({@code GET /v1/sales/opportunities:export}), besides reading them. */
    public static final String OPPORTUNITY_EXPORT = "sales.opportunity.export";
    public static final String PIPELINE_READ = "sales.pipeline.read";
    public static final String PIPELINE_WRITE = "sales.pipeline.write";
    public static final String PRODUCT_READ = "sales.product.read";
    public static final String PRODUCT_WRITE = "sales.product.write";
    public static final String PRICE_LIST_READ = "sales.pricelist.read";
    public static final String PRICE_LIST_WRITE = "sales.pricelist.write";
    public static final String QUOTE_READ = "sales.quote.read";
    public static final String QUOTE_WRITE = "sales.quote.write";

    @Override
    public String module() {
        return "sales";
    }

    @Override
    public Set<String> permissions() {
        return Set.of(LEAD_READ, LEAD_WRITE, OPPORTUNITY_READ, OPPORTUNITY_WRITE, OPPORTUNITY_EXPORT, PIPELINE_READ, PIPELINE_WRITE,
                PRODUCT_READ, PRODUCT_WRITE, PRICE_LIST_READ, PRICE_LIST_WRITE, QUOTE_READ, QUOTE_WRITE);
    }
}
