package ${package}.impl;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.SearchContributor;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
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
    private static final int BATCH = 100;
    private static final int MAX_CANDIDATES = 2000;

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
        ScopeFilter visible = ScopeFilter.of(scope);
        List<Object[]> rows = tx.required(em -> SearchKeys.firstMatches(query.limit(), BATCH, MAX_CANDIDATES,
                (Object[] last) -> batch(em, text, visible, last == null ? null : ((Number) last[0]).longValue()),
                row -> SearchKeys.matches(query.tokens(), (String) row[1])));
        return rows.stream().map(row -> new SearchHitDTO(row[0].toString(), "${entityName}", (String) row[1], (String) row[2],
                "/${module}/${collection}/" + row[0])).toList();
    }

    /** Candidates with an id below {@code beforeId}, newest first, of parties the caller may see. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> batch(EntityManager em, SearchKeys.Condition text, ScopeFilter visible, Long beforeId) {
        StringBuilder sql = new StringBuilder("SELECT e.id, e.name, e.description FROM ${module}_${entityName} e WHERE ")
                .append(text.sql()).append(" AND ").append(visible.sqlCondition("e.party_id"));
        List<Object> parameters = new ArrayList<>(text.parameters());
        if (beforeId != null) {
            sql.append(" AND e.id < ?");
            parameters.add(beforeId);
        }
        Query query = em.createNativeQuery(sql.append(" ORDER BY e.id DESC").toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.setMaxResults(BATCH).getResultList();
    }
}
