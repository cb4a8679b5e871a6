package org.tessera.crm.marketing.impl.service;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.spi.SearchContributor;
import org.tessera.crm.core.kit.jpa.SearchCandidates;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.marketing.api.MarketingConstants;

/** Campaigns in the global search, by the words of their name or their source code. Campaigns belong to no party: no scope. */
@Component
public class CampaignSearchContributor implements SearchContributor {
    private static final String SELECT = "SELECT c.id, c.name, c.source_code, c.status, c.campaign_type FROM marketing_campaign c";
    private final Tx tx;

    @Activate
    public CampaignSearchContributor(@Reference(target = MarketingUnit.TX) Tx tx) {
        this.tx = tx;
    }

    @Override
    public String module() {
        return MarketingConstants.MODULE;
    }

    @Override
    public String type() {
        return "campaign";
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
    public List<SearchHitDTO> search(SearchQuery query) {
        SearchKeys.Condition text = SearchKeys.candidates(query.tokens(), "c.name", "c.source_code");
        List<Object[]> rows = tx.required(em -> SearchCandidates.firstMatches(em, SELECT, "c.id", text, "1 = 1", query.limit(),
                row -> SearchKeys.matches(query.tokens(), java.util.Objects.toString(SearchCandidates.text(row[1]), "") + " " + java.util.Objects.toString(SearchCandidates.text(row[2]), ""))));
        return rows.stream().map(row -> {
            String id = String.valueOf(SearchCandidates.id(row));
            String code = SearchCandidates.text(row[2]);
            String subtitle = (code == null ? "" : code + " · ") + row[4] + " · " + row[3];
            return new SearchHitDTO(id, "campaign", SearchCandidates.text(row[1]), subtitle, "/marketing/campaigns/" + id);
        }).toList();
    }
}
