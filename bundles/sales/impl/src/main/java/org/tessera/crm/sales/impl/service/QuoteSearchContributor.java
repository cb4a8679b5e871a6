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
import org.tessera.crm.sales.impl.jpa.SalesTx;

/**
 * Quotes in the global search, by number ({@code Q-000042}, or just {@code 42}) or by the words of
 * their name, newest first, of accounts in the caller's scope.
 */
@Component
public class QuoteSearchContributor implements SearchContributor {
    private static final String SELECT = "SELECT q.id, q.quote_number, q.name, q.status, q.currency FROM sales_quote q";

    private final SalesTx tx;
    private final RecordScope scope;

    @Activate
    public QuoteSearchContributor(@Reference SalesTx tx, @Reference RecordScope scope) {
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
        AccountScope visible = AccountScope.of(scope, "q.account_id");
        List<Object[]> rows = tx.required(em -> SearchKeys.firstMatches(query.limit(), CandidateRows.BATCH, CandidateRows.MAX_CANDIDATES,
                (Object[] last) -> CandidateRows.batch(em, SELECT, "q.id", text, visible, last == null ? null : CandidateRows.id(last)),
                row -> SearchKeys.matches(query.tokens(), CandidateRows.text(row[1]), CandidateRows.text(row[2]),
                        serial(CandidateRows.text(row[1])))));
        return rows.stream().map(QuoteSearchContributor::hit).toList();
    }

    /** The serial of a quote number without its prefix and leading zeros: {@code 42} for {@code Q-000042}. */
    static String serial(String number) {
        String digits = number == null ? "" : number.replaceFirst("^\\D*0*", "");
        return digits.isEmpty() ? null : digits;
    }

    private static SearchHitDTO hit(Object[] row) {
        String id = String.valueOf(CandidateRows.id(row));
        String number = CandidateRows.text(row[1]);
        String name = CandidateRows.text(row[2]);
        return new SearchHitDTO(id, "quote", name == null ? number : number + " " + name, row[3] + " · " + row[4],
                "/sales/quotes/" + id);
    }
}
