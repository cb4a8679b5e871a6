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

/** Claims in the global search, by number, newest first, within the caller's scope. */
@Component
public class ClaimSearchContributor implements SearchContributor {
    private static final String SELECT = "SELECT c.id, c.claim_number, c.claim_type, c.status, c.loss_date FROM ins_claim c";
    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public ClaimSearchContributor(@Reference(target = InsuranceUnit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public String module() {
        return Insurance.MODULE;
    }

    @Override
    public String type() {
        return "claim";
    }

    @Override
    public String title() {
        return "Claims";
    }

    @Override
    public String requiredPermission() {
        return InsurancePermissions.CLAIM_READ;
    }

    @Override
    public List<SearchHitDTO> search(SearchQuery query) {
        SearchKeys.Condition text = SearchKeys.candidates(query.tokens(), "c.claim_number");
        String visible = ScopeFilter.of(scope).sqlCondition("c.holder_party_id");
        List<Object[]> rows = tx.required(em -> SearchCandidates.firstMatches(em, SELECT, "c.id", text, visible, query.limit(),
                row -> SearchKeys.matches(query.tokens(), SearchCandidates.text(row[1]))));
        return rows.stream().map(row -> {
            String id = String.valueOf(SearchCandidates.id(row));
            return new SearchHitDTO(id, "claim", "Claim " + row[1], row[2] + " · " + row[4] + " · " + row[3], "/insurance/claims/" + id);
        }).toList();
    }
}
