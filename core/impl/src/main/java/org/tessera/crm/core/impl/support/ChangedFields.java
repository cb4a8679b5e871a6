package org.tessera.crm.core.impl.support;

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
                if (!Objects.equals(field.get(before), field.get(after))) {
                    changed.add(field.getName());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed.toArray(String[]::new);
    }
}
