package org.tessera.crm.marketing.impl.service;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.security.PermissionProvider;
import org.tessera.crm.marketing.api.MarketingConstants;

/** The permissions marketing checks; roles can be granted them only while the module is installed. */
@Component
public class MarketingPermissions implements PermissionProvider {
    public static final String CAMPAIGN_READ = "marketing.campaign.read";
    public static final String CAMPAIGN_WRITE = "marketing.campaign.write";
    public static final String SEGMENT_READ = "marketing.segment.read";
    public static final String SEGMENT_WRITE = "marketing.segment.write";
    /** Sending emails to a campaign's members. */
    public static final String EMAIL_SEND = "marketing.email.send";
    public static final String SUPPRESSION_WRITE = "marketing.suppression.write";

    @Override
    public String module() {
        return MarketingConstants.MODULE;
    }

    @Override
    public Set<String> permissions() {
        return Set.of(CAMPAIGN_READ, CAMPAIGN_WRITE, SEGMENT_READ, SEGMENT_WRITE, EMAIL_SEND, SUPPRESSION_WRITE);
    }
}
