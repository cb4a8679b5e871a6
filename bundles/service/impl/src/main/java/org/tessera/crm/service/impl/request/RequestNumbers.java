package org.tessera.crm.service.impl.request;

import javax.persistence.EntityManager;

import org.tessera.crm.service.impl.entity.RequestTypeEntity;

/**
 * Request numbers from the type's sequence: the increment is one UPDATE, so two creations never
 * get the same number (the row stays locked until the creating transaction ends).
 */
public final class RequestNumbers {
    private RequestNumbers() {
    }

    public static String next(EntityManager em, String typeCode) {
        em.createQuery("UPDATE RequestTypeEntity t SET t.nextNumber = t.nextNumber + 1, t.version = t.version + 1 WHERE t.code = :code")
                .setParameter("code", typeCode).executeUpdate();
        Object[] row = em.createQuery("SELECT t.prefix, t.width, t.nextNumber FROM RequestTypeEntity t WHERE t.code = :code", Object[].class)
                .setParameter("code", typeCode).getSingleResult();
        return format((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).longValue() - 1);
    }

    /** {@code SR-}, 6, 123 → {@code SR-000123}; a number wider than the width is kept whole. */
    public static String format(String prefix, int width, long value) {
        String digits = Long.toString(value);
        StringBuilder padded = new StringBuilder(prefix == null ? "" : prefix);
        for (int i = digits.length(); i < width; i++) {
            padded.append('0');
        }
        return padded.append(digits).toString();
    }

    static RequestTypeEntity type(EntityManager em, String code) {
        return em.find(RequestTypeEntity.class, code);
    }
}
