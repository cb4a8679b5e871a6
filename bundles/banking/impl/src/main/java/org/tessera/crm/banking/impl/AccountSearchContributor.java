package org.tessera.crm.banking.impl;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.SearchContributor;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.SearchCandidates;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Accounts in the global search by number (a prefix, spaces ignored as in printed IBANs) or
 * product, owned by a party in the caller's scope: the scope is a condition of the query.
 */
@Component
public class AccountSearchContributor implements SearchContributor {
    private static final String SELECT = "SELECT a.id, a.account_number, a.product, a.account_type FROM banking_account a";

    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public AccountSearchContributor(@Reference(name = "tx", target = "(osgi.unit.name=tessera-banking)") Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public String module() {
        return BankingEntityTypes.MODULE;
    }

    @Override
    public String type() {
        return "account";
    }

    @Override
    public String title() {
        return "Accounts";
    }

    @Override
    public String requiredPermission() {
        return BankingPermissions.ACCOUNT_READ;
    }

    @Override
    public List<SearchHitDTO> search(SearchQuery query) {
        SearchKeys.Condition text = SearchKeys.candidates(query.tokens(), "a.account_number", "a.product");
        ScopeFilter filter = ScopeFilter.of(scope);
        String visible = filter.isUnrestricted() ? "1 = 1" : "EXISTS (SELECT 1 FROM banking_account_role o WHERE o.account_id = a.id"
                + " AND o.account_role IN ('PRIMARY_OWNER', 'JOINT_OWNER') AND " + filter.sqlCondition("o.party_id") + ")";
        List<Object[]> rows = tx.required(em -> SearchCandidates.firstMatches(em, SELECT, "a.id", text, visible, query.limit(),
                row -> SearchKeys.matches(query.tokens(), SearchCandidates.text(row[1]), SearchCandidates.text(row[2]))));
        return rows.stream().map(AccountSearchContributor::hit).toList();
    }

    private static SearchHitDTO hit(Object[] row) {
        String id = String.valueOf(SearchCandidates.id(row));
        return new SearchHitDTO(id, "account", row[3] + " " + row[1], row[2] == null ? null : String.valueOf(row[2]), "/banking/accounts/" + id);
    }
}
