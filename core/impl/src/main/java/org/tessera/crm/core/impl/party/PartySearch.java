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
        PartyQuery.Sort sort = query.sort == null ? PartyQuery.Sort.ID : query.sort;
        // In id order, Derby's optimizer prefers the covering name index and sorts every match, where
        // the primary key, read in order, stops after one page (docs/performance.md, P3). PostgreSQL
        // reads the hint as a comment.
        SqlBuilder sql = new SqlBuilder().append("SELECT p.id, p.sort_name FROM party p"
                + (sort == PartyQuery.Sort.ID ? " --DERBY-PROPERTIES constraint=PK_PARTY\n" : "") + " WHERE 1 = 1");
        if (!appendCriteria(query, sql)) {
            return new Page<>(List.of(), null);
        }
        appendKeyset(query.cursor, sort, sql);
        sql.append(sort == PartyQuery.Sort.NAME ? " ORDER BY p.sort_name, p.id" : " ORDER BY p.id");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.build(em).setMaxResults(query.limit + 1).getResultList();
        boolean more = rows.size() > query.limit;
        List<Object[]> pageRows = more ? rows.subList(0, query.limit) : rows;
        List<Long> ids = new ArrayList<>();
        pageRows.forEach(row -> ids.add(((Number) row[0]).longValue()));
        String next = null;
        if (more) {
            Object[] last = pageRows.get(pageRows.size() - 1);
            next = sort == PartyQuery.Sort.NAME
                    ? KeysetCursor.encode("N", String.valueOf(last[1]), last[0].toString())
                    : KeysetCursor.encode("I", last[0].toString());
        }
        return new Page<>(load(ids), next);
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
        for (int i = 0; i < tokens.size(); i++) {
            if (i == 0) {
                Optional<List<Long>> few = TermMatches.sparse(em, TermMatches.likePrefix(tokens.get(0)));
                if (few.isPresent()) {
                    TermMatches.appendIn(sql, few.get());
                    continue;
                }
            }
            sql.append(" AND EXISTS (SELECT 1 FROM party_search_term t WHERE t.party_id = p.id AND t.term LIKE ")
                    .param(TermMatches.likePrefix(tokens.get(i))).append(" ESCAPE '!')");
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

    private static void appendKeyset(String cursor, PartyQuery.Sort sort, SqlBuilder sql) {
        if (cursor == null) {
            return;
        }
        if (sort == PartyQuery.Sort.NAME) {
            List<String> parts = KeysetCursor.decode(cursor, 3);
            if (!"N".equals(parts.get(0))) {
                throw KeysetCursor.malformed();
            }
            long id = KeysetCursor.idPart(parts.get(2));
            sql.append(" AND (p.sort_name > ").param(parts.get(1)).append(" OR (p.sort_name = ")
                    .param(parts.get(1)).append(" AND p.id > ").param(id).append("))");
        } else {
            List<String> parts = KeysetCursor.decode(cursor, 2);
            if (!"I".equals(parts.get(0))) {
                throw KeysetCursor.malformed();
            }
            sql.append(" AND p.id > ").param(KeysetCursor.idPart(parts.get(1)));
        }
    }

    private List<PartyDTO> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PartyEntity> byId = new HashMap<>();
        em.createQuery("SELECT p FROM PartyEntity p WHERE p.id IN :ids", PartyEntity.class)
                .setParameter("ids", ids).getResultList().forEach(p -> byId.put(p.id, p));
        List<PartyEntity> ordered = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return new PartyReader(em).toDtos(ordered);
    }

}
