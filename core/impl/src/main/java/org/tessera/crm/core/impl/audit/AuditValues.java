package org.tessera.crm.core.impl.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/** The text form of a field value in the audit trail: scalars as themselves, DTOs and collections spelled out. */
final class AuditValues {
    static final int MAX_LENGTH = 4000;

    private AuditValues() {
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = render(value);
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
    }

    private static String render(Object value) {
        if (value instanceof Collection<?> items) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            items.forEach(item -> joined.add(render(item)));
            return joined.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            map.forEach((key, item) -> joined.add(key + "=" + (item == null ? "null" : render(item))));
            return joined.toString();
        }
        if (value.getClass().getName().startsWith("org.tessera.") && !value.getClass().isEnum()) {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            for (Field field : value.getClass().getFields()) {
                Object member = read(field, value);
                if (!Modifier.isStatic(field.getModifiers()) && member != null) {
                    joined.add(field.getName() + "=" + render(member));
                }
            }
            return joined.toString();
        }
        return String.valueOf(value);
    }

    static Object read(Field field, Object owner) {
        try {
            return owner == null ? null : field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
