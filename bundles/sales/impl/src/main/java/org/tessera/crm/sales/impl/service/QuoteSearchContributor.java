package org.tessera.crm.sales.impl.service;

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

/**
 * Quotes in the global search, by number ({@code Q-000042}, or just {@code 42}) or by the words of
 * their name, newest first, of accounts in the caller's scope.
 */
@Component
public class QuoteSearchContributor implements SearchContributor {
    private static final String SELECT = "SELECT q.id, q.quote_number, q.name, q.status, q.currency FROM sales_quote q";

    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public QuoteSearchContributor(@Reference(target = SalesUnit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public String module() {
        return "sales";
    }

    @Override
    public String type() {
        return "quote";
    }

    @Override
    public String title() {
        return "Quotes";
    }

    @Override
    public String requiredPermission() {
        return SalesPermissions.QUOTE_READ;
    }

    @Override
    public List<SearchHitDTO> search(SearchQuery query) {
        SearchKeys.Condition text = SearchKeys.candidates(query.tokens(), "q.quote_number", "q.name");
        String visible = ScopeFilter.of(scope).sqlCondition("q.account_id");
        List<Object[]> rows = tx.required(em -> SearchCandidates.firstMatches(em, SELECT, "q.id", text, visible, query.limit(),
                row -> SearchKeys.matches(query.tokens(), SearchCandidates.text(row[1]), SearchCandidates.text(row[2]),
                        serial(SearchCandidates.text(row[1])))));
        return rows.stream().map(QuoteSearchContributor::hit).toList();
    }

    /** The serial of a quote number without its prefix and leading zeros: {@code 42} for {@code Q-000042}. */
    static String serial(String number) {
        String digits = number == null ? "" : number.replaceFirst("^\\D*0*", "");
        return digits.isEmpty() ? null : digits;
    }

    private static SearchHitDTO hit(Object[] row) {
        String id = String.valueOf(SearchCandidates.id(row));
        String number = SearchCandidates.text(row[1]);
        String name = SearchCandidates.text(row[2]);
        return new SearchHitDTO(id, "quote", name == null ? number : number + " " + name, row[3] + " · " + row[4],
                "/sales/quotes/" + id);
    }
}
