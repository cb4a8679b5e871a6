package org.tessera.crm.insurance.impl.service;

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
import org.tessera.crm.insurance.api.Insurance;

/** Policy terms in the global search, by number (and product), newest first, within the caller's scope. */
@Component
public class PolicySearchContributor implements SearchContributor {
    private static final String SELECT = "SELECT p.id, p.policy_number, p.product, p.line_of_business, p.term_number, p.status FROM ins_policy p";
    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public PolicySearchContributor(@Reference(target = InsuranceUnit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public String module() {
        return Insurance.MODULE;
    }

    @Override
    public String type() {
        return "policy";
    }

    @Override
    public String title() {
        return "Policies";
    }

    @Override
    public String requiredPermission() {
        return InsurancePermissions.POLICY_READ;
    }

    @Override
    public List<SearchHitDTO> search(SearchQuery query) {
        SearchKeys.Condition text = SearchKeys.candidates(query.tokens(), "p.policy_number", "p.product");
        String visible = ScopeFilter.of(scope).sqlCondition("p.holder_party_id");
        List<Object[]> rows = tx.required(em -> SearchCandidates.firstMatches(em, SELECT, "p.id", text, visible, query.limit(),
                row -> SearchKeys.matches(query.tokens(), SearchCandidates.text(row[1]), SearchCandidates.text(row[2]))));
        return rows.stream().map(row -> {
            String id = String.valueOf(SearchCandidates.id(row));
            return new SearchHitDTO(id, "policy", "Policy " + row[1] + " (term " + row[4] + ")",
                    row[3] + (row[2] == null ? "" : " · " + row[2]) + " · " + row[5], "/insurance/policies/" + id);
        }).toList();
    }
}
