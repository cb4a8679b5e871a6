package org.tessera.crm.marketing.impl.segment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.Query;

/** Native SQL with {@code ?} placeholders bound in order, the values turned into JDBC types first. */
public final class NativeSql {
    private NativeSql() {
    }

    public static Query query(EntityManager em, String sql, List<Object> parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, jdbc(parameters.get(i)));
        }
        return query;
    }

    public static long count(EntityManager em, String sql, List<Object> parameters) {
        return ((Number) query(em, sql, parameters).getSingleResult()).longValue();
    }

    public static int update(EntityManager em, String sql, List<Object> parameters) {
        return query(em, sql, parameters).executeUpdate();
    }

    static Object jdbc(Object value) {
        if (value instanceof LocalDate day) {
            return Date.valueOf(day);
        }
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        return value;
    }

    /** A number column read back: Derby and PostgreSQL give different Number types. */
    public static long longOf(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static BigDecimal decimalOf(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    public static Instant instantOf(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}
