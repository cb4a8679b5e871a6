package org.tessera.crm.core.kit.jpa;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/**
 * A JPQL query whose conditions depend on which filters a request gave: a condition with a
 * {@code null} value is left out, the others are joined with {@code AND} and bound by name.
 *
 * <pre>
 * JpqlQuery.of("SELECT o FROM OpportunityEntity o")
 *         .where(scope.condition("o.accountId"))
 *         .where("o.stage = :stage", "stage", query.stage)
 *         .where("o.id &gt; :after", "after", after)
 *         .create(em, "o.id", OpportunityEntity.class).setMaxResults(limit + 1)
 * </pre>
 */
public final class JpqlQuery {
    private final StringBuilder jpql;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private boolean hasWhere;

    private JpqlQuery(String selectFrom) {
        this.jpql = new StringBuilder(selectFrom);
    }

    /** Starts from {@code SELECT … FROM …}, without a {@code WHERE}. */
    public static JpqlQuery of(String selectFrom) {
        return new JpqlQuery(selectFrom);
    }

    /** Adds a condition that needs no parameter, such as a {@link ScopeFilter#condition}. */
    public JpqlQuery where(String condition) {
        jpql.append(hasWhere ? " AND " : " WHERE ").append(condition);
        hasWhere = true;
        return this;
    }

    /** Adds {@code condition} with its parameter {@code name} bound to {@code value}, unless {@code value} is {@code null}. */
    public JpqlQuery where(String condition, String name, Object value) {
        if (value != null) {
            where(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** The typed query, ordered by {@code orderBy} (JPQL, such as {@code o.id}), with every parameter bound. */
    public <T> TypedQuery<T> create(EntityManager em, String orderBy, Class<T> type) {
        TypedQuery<T> query = em.createQuery(jpql + (orderBy == null ? "" : " ORDER BY " + orderBy), type);
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public String toString() {
        return jpql.toString();
    }
}
