package org.tessera.crm.sales.impl.service;

import java.math.BigDecimal;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.SearchContributor;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.SearchCandidates;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.sales.impl.jpa.SalesUnit;
import org.tessera.crm.sales.impl.rules.Money;

/** Opportunities in the global search, by the words of their name, newest first, of accounts in the caller's scope. */
@Component
public class OpportunitySearchContributor implements SearchContributor {
    private static final String SELECT = "SELECT o.id, o.name, o.stage, o.amount, o.currency FROM sales_opportunity o";

    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public OpportunitySearchContributor(@Reference(target = SalesUnit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public String module() {
        return "sales";
    }

    @Override
    public String type() {
        return "opportunity";
    }

    @Override
    public String title() {
        return "Opportunities";
    }

    @Override
    public String requiredPermission() {
        return SalesPermissions.OPPORTUNITY_READ;
    }

    @Override
    public List<SearchHitDTO> search(SearchQuery query) {
        SearchKeys.Condition text = SearchKeys.candidates(query.tokens(), "o.name");
        String visible = ScopeFilter.of(scope).sqlCondition("o.account_id");
        List<Object[]> rows = tx.required(em -> SearchCandidates.firstMatches(em, SELECT, "o.id", text, visible, query.limit(),
                row -> SearchKeys.matches(query.tokens(), SearchCandidates.text(row[1]))));
        return rows.stream().map(OpportunitySearchContributor::hit).toList();
    }

    private static SearchHitDTO hit(Object[] row) {
        String id = String.valueOf(SearchCandidates.id(row));
        String currency = SearchCandidates.text(row[4]);
        String subtitle = row[2] + (row[3] == null || currency == null ? ""
                : " · " + Money.round(new BigDecimal(row[3].toString()), currency).toPlainString() + " " + currency);
        return new SearchHitDTO(id, "opportunity", SearchCandidates.text(row[1]), subtitle, "/sales/opportunities/" + id);
    }
}
