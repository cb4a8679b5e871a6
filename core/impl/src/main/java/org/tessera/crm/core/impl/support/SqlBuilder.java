package org.tessera.crm.core.impl.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.tessera.crm.core.impl.db.IdBlocks;

/**
 * A native SQL statement built from optional criteria, with parameters: numbered ({@code ?1}) for a
 * JPA native query, plain ({@code ?}) for JDBC.
 */
public final class SqlBuilder {
    /** The text between the parameters: {@code texts.get(i)} comes before parameter {@code i}. */
    private final List<StringBuilder> texts = new ArrayList<>(List.of(new StringBuilder()));
    private final List<Object> parameters = new ArrayList<>();

    public SqlBuilder append(String text) {
        texts.get(texts.size() - 1).append(text);
        return this;
    }

    /** Appends a placeholder bound to {@code value}. */
    public SqlBuilder param(Object value) {
        parameters.add(value);
        texts.add(new StringBuilder());
        return this;
    }

    /** Appends {@code fragment}'s text and parameters (a criteria fragment built once, used in several statements). */
    public SqlBuilder append(SqlBuilder fragment) {
        for (int i = 0; i < fragment.parameters.size(); i++) {
            append(fragment.texts.get(i).toString()).param(fragment.parameters.get(i));
        }
        return append(fragment.texts.get(fragment.parameters.size()).toString());
    }

    /** Whether nothing was appended (a fragment of no criteria). */
    public boolean isEmpty() {
        return parameters.isEmpty() && texts.get(0).length() == 0;
    }

    /**
     * Runs the statement as a native query for its first {@code max} rows. On PostgreSQL the limit is
     * also written into the statement: the row limit given to the driver never reaches the planner,
     * which then plans for every match (it sorted an owner's 50,000 parties for a page of 50).
     */
    public List<?> firstRows(EntityManager em, int max) {
        return bind(em.createNativeQuery(toString() + (onPostgres(em) ? " LIMIT " + max : ""))).setMaxResults(max).getResultList();
    }

    /** Whether the entity manager's database is PostgreSQL rather than Derby, whose SQL differs. */
    public static boolean onPostgres(EntityManager em) {
        try {
            return !IdBlocks.isDerby(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException("could not tell the database: " + e.getMessage(), e);
        }
    }

    public Query build(EntityManager em) {
        return bind(em.createNativeQuery(toString()));
    }

    private Query bind(Query query) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /**
     * A forward-only, read-only JDBC statement, its parameters bound. {@code fetchSize} rows are
     * fetched at a time: PostgreSQL then reads through a cursor instead of the whole result at once
     * (inside a transaction only).
     */
    public PreparedStatement prepare(Connection connection, int fetchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(render(false), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        try {
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private String render(boolean numbered) {
        StringBuilder sql = new StringBuilder(texts.get(0));
        for (int i = 0; i < parameters.size(); i++) {
            sql.append('?');
            if (numbered) {
                sql.append(i + 1);
            }
            sql.append(texts.get(i + 1));
        }
        return sql.toString();
    }

    @Override
    public String toString() {
        return render(true);
    }
}
