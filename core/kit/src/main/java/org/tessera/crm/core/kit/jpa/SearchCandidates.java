package org.tessera.crm.core.kit.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.tessera.crm.core.api.search.SearchKeys;

/**
 * The rows of a module's table for its {@code SearchContributor}: newest first, read in batches
 * of candidates that meet a loose SQL text condition ({@link SearchKeys#candidates}) and the
 * caller's scope ({@link ScopeFilter#sqlCondition}), each confirmed in Java by the party search's
 * word-prefix rule ({@link SearchKeys#matches}), which SQL cannot express on every database.
 *
 * <pre>
 * SearchCandidates.firstMatches(em, "SELECT v.id, v.vin, v.model FROM dealer_vehicle v", "v.id",
 *         SearchKeys.candidates(query.tokens(), "v.vin", "v.model"), scope.sqlCondition("v.owner_party_id"),
 *         query.limit(), row -&gt; SearchKeys.matches(query.tokens(), SearchCandidates.text(row[1]), SearchCandidates.text(row[2])))
 * </pre>
 */
public final class SearchCandidates {
    /** Candidates read per batch. */
    public static final int BATCH = 100;
    /** Candidates read at most per search: bounds the work of a query whose candidates mostly do not match. */
    public static final int MAX_CANDIDATES = 2000;

    private SearchCandidates() {
    }

    /**
     * @param select {@code SELECT <columns, the id first> FROM <table> <alias>} (native SQL)
     * @param idColumn the id column, such as {@code v.id}
     * @param scopeSql the caller's scope on the table, from {@link ScopeFilter#sqlCondition}
     * @param confirms whether a candidate row really matches
     */
    public static List<Object[]> firstMatches(EntityManager em, String select, String idColumn, SearchKeys.Condition text,
            String scopeSql, int limit, Predicate<Object[]> confirms) {
        return SearchKeys.firstMatches(limit, BATCH, MAX_CANDIDATES,
                (Object[] last) -> batch(em, select, idColumn, text, scopeSql, last == null ? null : id(last)), confirms);
    }

    private static List<Object[]> batch(EntityManager em, String select, String idColumn, SearchKeys.Condition text,
            String scopeSql, Long beforeId) {
        StringBuilder sql = new StringBuilder(select).append(" WHERE ").append(text.sql()).append(" AND ").append(scopeSql);
        List<Object> parameters = new ArrayList<>(text.parameters());
        if (beforeId != null) {
            sql.append(" AND ").append(idColumn).append(" < ?");
            parameters.add(beforeId);
        }
        Query query = em.createNativeQuery(sql.append(" ORDER BY ").append(idColumn).append(" DESC").toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(BATCH).getResultList();
        return rows;
    }

    /** The id in the first column of a row. */
    public static long id(Object[] row) {
        return ((Number) row[0]).longValue();
    }

    /** A column's value as text ({@code null} stays {@code null}). */
    public static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
