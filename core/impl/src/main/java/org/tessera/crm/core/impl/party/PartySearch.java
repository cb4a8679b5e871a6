package org.tessera.crm.core.impl.party;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.search.PartySearchTerms;
import org.tessera.crm.core.impl.customfield.CustomValueCodec;
import org.tessera.crm.core.impl.customfield.CustomValueNormalizer;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.entity.CustomValueEntity;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.impl.search.SearchLimits;
import org.tessera.crm.core.impl.security.ScopedUnits;
import org.tessera.crm.core.impl.support.JpaLookups;
import org.tessera.crm.core.impl.support.SqlBuilder;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;

/**
 * One keyset page of a party search: a native query selects the page's ids (at most limit + 1
 * rows, never the whole table), then the page's parties and their children are loaded by id.
 */
final class PartySearch {
    private final EntityManager em;
    /** The org units the caller may see; empty when unrestricted. */
    private final Optional<Set<Long>> visibleOrgUnits;

    PartySearch(EntityManager em, Optional<Set<Long>> visibleOrgUnits) {
        this.em = em;
        this.visibleOrgUnits = visibleOrgUnits;
    }

    Page<PartyDTO> page(PartyQuery query) {
        KeysetCursor.checkLimit(query.limit);
        PartyOrder order = new PartyOrder(query.sort == null ? PartyQuery.Sort.ID : query.sort, query.descending);
        // In id order, Derby's optimizer prefers the covering name index and sorts every match, where
        // the primary key, read in order, stops after one page (docs/performance.md, P3). PostgreSQL
        // reads the hint as a comment.
        boolean idAscending = order.sort() == PartyQuery.Sort.ID && !order.descending();
        SqlBuilder sql = new SqlBuilder().append("SELECT p.id, " + order.column() + " FROM party p"
                + (idAscending ? " --DERBY-PROPERTIES constraint=PK_PARTY\n" : "") + " WHERE 1 = 1");
        if (!appendCriteria(query, sql)) {
            return new Page<>(List.of(), null);
        }
        order.appendKeyset(query.cursor, sql);
        sql.append(order.orderBy());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) sql.firstRows(em, query.limit + 1);
        boolean more = rows.size() > query.limit;
        List<Object[]> pageRows = more ? rows.subList(0, query.limit) : rows;
        List<Long> ids = new ArrayList<>();
        pageRows.forEach(row -> ids.add(((Number) row[0]).longValue()));
        String next = more ? order.cursorAfter(pageRows.get(pageRows.size() - 1)) : null;
        return new Page<>(load(ids), next);
    }

    /**
     * The list's criteria and the caller's perimeter on the party table aliased {@code p}, as
     * {@code AND} conditions to append after a {@code WHERE}; empty when they can match nothing (a
     * malformed id, an empty perimeter). Built once, so that every statement of an export uses the
     * same conditions. A bad criterion is refused here.
     */
    Optional<SqlBuilder> criteria(PartyQuery query) {
        SqlBuilder sql = new SqlBuilder();
        return appendCriteria(query, sql) ? Optional.of(sql) : Optional.empty();
    }

    /** Adds the WHERE criteria; false when a criterion can match nothing (a malformed id). */
    private boolean appendCriteria(PartyQuery query, SqlBuilder sql) {
        if (!ScopedUnits.restrict(sql, "p.org_unit_id", visibleOrgUnits)) {
            return false;
        }
        if (query.type != null) {
            sql.append(" AND p.party_type = ").param(query.type.name());
        }
        if (query.status != null) {
            sql.append(" AND p.status = ").param(query.status.name());
        }
        if (query.ownerId != null) {
            Optional<Long> owner = Ids.parse(query.ownerId);
            if (owner.isEmpty()) {
                return false;
            }
            sql.append(" AND p.owner_id = ").param(owner.get());
        }
        if (query.orgUnitId != null) {
            Optional<Long> unit = Ids.parse(query.orgUnitId);
            if (unit.isEmpty()) {
                return false;
            }
            sql.append(" AND p.org_unit_id = ").param(unit.get());
        }
        if (query.classification != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM party_classification c WHERE c.party_id = p.id AND c.code = ")
                    .param(query.classification).append(")");
        }
        List<String> tokens = PartySearchTerms.queryTokens(query.q);
        SearchLimits.checkTokens(tokens);
        boolean asRange = !tokens.isEmpty() && SqlBuilder.onPostgres(em);
        for (int i = 0; i < tokens.size(); i++) {
            if (i == 0) {
                Optional<List<Long>> few = TermMatches.sparse(em, tokens.get(0), asRange);
                if (few.isPresent()) {
                    TermMatches.appendIn(sql, few.get());
                    continue;
                }
            }
            // a LIKE alone: the plan then walks the parties in page order and probes their terms,
            // which finds a page at once for a frequent prefix (a rare first one took the IN list)
            sql.append(" AND EXISTS (SELECT 1 FROM party_search_term t WHERE t.party_id = p.id AND ");
            TermMatches.appendPrefix(sql, tokens.get(i), false);
            sql.append(")");
        }
        for (Map.Entry<String, String> filter : canonicalCustomFilters(query.customFields).entrySet()) {
            sql.append(" AND EXISTS (SELECT 1 FROM custom_value v WHERE v.entity_type = '")
                    .append(EntityTypes.PARTY).append("' AND v.entity_id = p.id AND v.field_key = ")
                    .param(filter.getKey()).append(" AND v.text_prefix = ")
                    .param(CustomValueEntity.prefixOf(filter.getValue())).append(" AND v.text_value = ")
                    .param(filter.getValue()).append(")");
        }
        return true;
    }

    /** The filters' values in canonical text form, per the type of their field. */
    private Map<String, String> canonicalCustomFilters(Map<String, String> filters) {
        Map<String, String> canonical = new HashMap<>();
        if (filters == null || filters.isEmpty()) {
            return canonical;
        }
        Map<String, CustomFieldDefinitionDTO> definitions = new CustomValueStore(em).definitions(EntityTypes.PARTY);
        Map<String, Object> raw = new HashMap<>(filters);
        FieldErrors errors = new FieldErrors();
        Map<String, Object> normalized = new CustomValueNormalizer(definitions, new JpaLookups(em))
                .normalize(raw, true, errors);
        errors.throwIfAny();
        normalized.forEach((key, value) -> canonical.put(key, CustomValueCodec.toText(value)));
        return canonical;
    }

    private List<PartyDTO> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PartyEntity> byId = new HashMap<>();
        em.createQuery("SELECT p FROM PartyEntity p WHERE p.id IN :ids", PartyEntity.class).setParameter("ids", ids)
                .getResultList().forEach(p -> byId.put(p.id, p));
        List<PartyEntity> ordered = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return new PartyReader(em).toDtos(ordered);
    }

}
