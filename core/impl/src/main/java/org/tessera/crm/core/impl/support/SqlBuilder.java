package org.tessera.crm.core.impl.support;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.Query;

/** A native SQL statement built from optional criteria, with numbered parameters. */
public final class SqlBuilder {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    public SqlBuilder append(String text) {
        sql.append(text);
        return this;
    }

    /** Appends a placeholder bound to {@code value}. */
    public SqlBuilder param(Object value) {
        parameters.add(value);
        sql.append('?').append(parameters.size());
        return this;
    }

    public Query build(EntityManager em) {
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
