package org.tessera.crm.marketing.impl.service;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewItemDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.spi.OverviewContributor;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.marketing.api.MarketingConstants;
import org.tessera.crm.marketing.impl.segment.NativeSql;

/** The 360° view's marketing section: the active campaigns the party is in, and its last response. */
@Component
public class CampaignsSection implements OverviewContributor {
    private final Tx tx;

    @Activate
    public CampaignsSection(@Reference(target = MarketingUnit.TX) Tx tx) {
        this.tx = tx;
    }

    @Override
    public String module() {
        return MarketingConstants.MODULE;
    }

    @Override
    public String section() {
        return "campaigns";
    }

    @Override
    public String title() {
        return "Campaigns";
    }

    @Override
    public String requiredPermission() {
        return MarketingPermissions.CAMPAIGN_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        long party = Ids.parse(partyId).orElse(-1L);
        return tx.required(em -> {
            List<?> rows = NativeSql.query(em, "SELECT m.campaign_id, c.name, c.campaign_type, m.status_code, m.added_at"
                    + " FROM marketing_member m JOIN marketing_campaign c ON c.id = m.campaign_id"
                    + " WHERE m.party_id = ? AND c.status = 'ACTIVE' ORDER BY m.added_at DESC", List.of(party)).setMaxResults(5).getResultList();
            long active = NativeSql.count(em, "SELECT COUNT(*) FROM marketing_member m JOIN marketing_campaign c ON c.id = m.campaign_id"
                    + " WHERE m.party_id = ? AND c.status = 'ACTIVE'", List.of(party));
            List<?> last = NativeSql.query(em, "SELECT m.campaign_id, c.name, m.status_code, m.first_responded_at FROM marketing_member m"
                    + " JOIN marketing_campaign c ON c.id = m.campaign_id WHERE m.party_id = ? AND m.first_responded_at IS NOT NULL"
                    + " ORDER BY m.first_responded_at DESC", List.of(party)).setMaxResults(1).getResultList();
            List<OverviewItemDTO> items = new ArrayList<>();
            for (Object raw : rows) {
                Object[] r = (Object[]) raw;
                items.add(item(r[0], (String) r[1], "CAMPAIGN", (String) r[2], (String) r[3], NativeSql.instantOf(r[4])));
            }
            if (!last.isEmpty()) {
                Object[] r = (Object[]) last.get(0);
                items.add(item(r[0], (String) r[1], "RESPONSE", "Last response", (String) r[2], NativeSql.instantOf(r[3])));
            }
            OverviewSectionDTO section = OverviewSectionDTO.of(List.of(KeyFigureDTO.count("activeCampaigns", "Active campaigns", active)), items);
            section.href = "/marketing/campaigns?status=ACTIVE";
            return section;
        });
    }

    private static OverviewItemDTO item(Object campaignId, String name, String type, String subtitle, String status, java.time.Instant at) {
        OverviewItemDTO item = new OverviewItemDTO();
        String id = String.valueOf(NativeSql.longOf(campaignId));
        item.id = MarketingConstants.MODULE + ":" + type.toLowerCase(java.util.Locale.ROOT) + ":" + id;
        item.type = type;
        item.title = name;
        item.subtitle = subtitle;
        item.status = status;
        item.at = at;
        item.href = "/marketing/campaigns/" + id;
        return item;
    }
}
