package org.tessera.crm.sales.impl.service;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.tessera.crm.core.api.search.SearchKeys;

/**
 * One batch of search candidates of a sales table, newest first: the rows meeting the text
 * condition and the caller's scope, with an id below the previous batch's last.
 */
final class CandidateRows {
    /** Candidates read per batch, and at most per search. */
    static final int BATCH = 100;
    static final int MAX_CANDIDATES = 2000;

    private CandidateRows() {
    }

    /**
     * @param select {@code SELECT <columns, id first> FROM <table> <alias>}
     * @param idColumn the id column, such as {@code o.id}
     * @param beforeId the last id of the previous batch, {@code null} for the first batch
     */
    static List<Object[]> batch(EntityManager em, String select, String idColumn, SearchKeys.Condition text, AccountScope scope,
            Long beforeId) {
        StringBuilder sql = new StringBuilder(select).append(" WHERE ").append(text.sql()).append(" AND ").append(scope.sql());
        List<Object> parameters = new ArrayList<>(text.parameters());
        parameters.addAll(scope.parameters());
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

    static long id(Object[] row) {
        return ((Number) row[0]).longValue();
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
