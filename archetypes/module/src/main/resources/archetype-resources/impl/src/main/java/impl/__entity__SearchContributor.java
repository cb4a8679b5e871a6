package ${package}.impl;

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
import ${package}.api.${entity}Service;

/**
 * ${entityLabel.substring(0, 1).toUpperCase()}${entityLabel.substring(1)}s in the global search, by the
 * words of their name (prefixes, case and accents ignored, as everywhere in the search), newest first.
 * Record scope is a condition of the query, so a restricted agent's hits are never cut short by rows
 * they may not see.
 */
@Component
public class ${entity}SearchContributor implements SearchContributor {
    private static final String SELECT = "SELECT e.id, e.name, e.description FROM ${module}_${entityName} e";

    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public ${entity}SearchContributor(@Reference(name = "tx", target = ${Module}Unit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public String module() {
        return ${entity}Service.MODULE;
    }

    @Override
    public String type() {
        return "${entityName}";
    }

    @Override
    public String title() {
        return "${entityLabel.substring(0, 1).toUpperCase()}${entityLabel.substring(1)}s";
    }

    @Override
    public String requiredPermission() {
        return ${Module}Permissions.${entityName.toUpperCase()}_READ;
    }

    @Override
    public List<SearchHitDTO> search(SearchQuery query) {
        // SQL cannot fold accents: the condition finds candidates, SearchKeys.matches keeps the real matches
        SearchKeys.Condition text = SearchKeys.candidates(query.tokens(), "e.name");
        String visible = ScopeFilter.of(scope).sqlCondition("e.party_id");
        List<Object[]> rows = tx.required(em -> SearchCandidates.firstMatches(em, SELECT, "e.id", text, visible, query.limit(),
                row -> SearchKeys.matches(query.tokens(), SearchCandidates.text(row[1]))));
        return rows.stream().map(row -> new SearchHitDTO(row[0].toString(), "${entityName}", SearchCandidates.text(row[1]),
                SearchCandidates.text(row[2]), "/${module}/${collection}/" + row[0])).toList();
    }
}
