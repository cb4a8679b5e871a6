package org.tessera.crm.service.impl;

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
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.impl.entity.RequestEntity;

/**
 * Requests in the global search, by the
 * words of their number and abstract (prefixes, case and accents ignored, as everywhere in the search), newest first.
 * Record scope is a condition of the query, so a restricted agent's hits are never cut short by rows
 * they may not see.
 */
@Component
public class RequestSearchContributor implements SearchContributor {
    private static final String SELECT = "SELECT e.id, e.number, e.summary, e.status FROM service_request e";

    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public RequestSearchContributor(@Reference(name = "tx", target = ServiceUnit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public String module() {
        return RequestService.MODULE;
    }

    @Override
    public String type() {
        return "request";
    }

    @Override
    public String title() {
        return "Requests";
    }

    @Override
    public String requiredPermission() {
        return ServicePermissions.REQUEST_READ;
    }

    @Override
    public List<SearchHitDTO> search(SearchQuery query) {
        // SQL cannot fold accents: the condition finds candidates, SearchKeys.matches keeps the real matches
        SearchKeys.Condition text = SearchKeys.candidates(query.tokens(), "e.number", "e.summary");
        String visible = ScopeFilter.of(scope).sqlCondition("e.party_id");
        List<Object[]> rows = tx.required(em -> SearchCandidates.firstMatches(em, SELECT, "e.id", text, visible, query.limit(),
                row -> SearchKeys.matches(query.tokens(), SearchCandidates.text(row[1]) + " " + SearchCandidates.text(row[2]))));
        return rows.stream().map(row -> new SearchHitDTO(row[0].toString(), "request",
                SearchCandidates.text(row[1]) + " " + SearchCandidates.text(row[2]), SearchCandidates.text(row[3]), "/service/requests/" + row[0])).toList();
    }
}
