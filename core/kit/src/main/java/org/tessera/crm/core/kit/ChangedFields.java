package org.tessera.crm.core.kit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Names of the public DTO fields whose values differ between two states, for update events. */
public final class ChangedFields {
    private ChangedFields() {
    }

    public static String[] between(Object before, Object after, Set<String> ignored) {
        List<String> changed = new ArrayList<>();
        for (Field field : after.getClass().getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || ignored.contains(field.getName())) {
                continue;
            }
            try {
                if (!same(field.get(before), field.get(after))) {
                    changed.add(field.getName());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed.toArray(String[]::new);
    }

    /** Value equality, comparing nested DTOs (which have no equals) field by field. */
    static boolean same(Object a, Object b) {
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a != null && b != null && a.getClass() == b.getClass() && a.getClass().getName().startsWith("org.tessera.")) {
            try {
                for (Field field : a.getClass().getFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !same(field.get(a), field.get(b))) {
                        return false;
                    }
                }
                return true;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return Objects.equals(a, b);
    }
}
