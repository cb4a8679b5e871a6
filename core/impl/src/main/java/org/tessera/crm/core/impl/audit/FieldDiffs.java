package org.tessera.crm.core.impl.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.tessera.crm.core.api.audit.FieldChangeDTO;

/**
 * The field changes between two states of a DTO (either may be {@code null}: a create or a
 * delete). Custom field maps are compared key by key ({@code customFields.<key>}); values are
 * compared by their audit text; sensitive fields are masked.
 */
public final class FieldDiffs {
    /** The map field compared key by key. */
    static final String CUSTOM_FIELDS = "customFields";

    private FieldDiffs() {
    }

    /**
     * @param ignored   fields never audited (server-owned bookkeeping such as {@code version})
     * @param sensitive fields (or {@code customFields.<key>}) whose values are masked
     */
    public static List<FieldChangeDTO> between(Object before, Object after, Set<String> ignored, Set<String> sensitive) {
        Object sample = after != null ? after : before;
        List<FieldChangeDTO> changes = new ArrayList<>();
        if (sample == null) {
            return changes;
        }
        for (Field field : sample.getClass().getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || ignored.contains(field.getName())) {
                continue;
            }
            Object old = AuditValues.read(field, before);
            Object now = AuditValues.read(field, after);
            if (CUSTOM_FIELDS.equals(field.getName()) && (old instanceof Map || now instanceof Map)) {
                compareEntries((Map<?, ?>) old, (Map<?, ?>) now, sensitive, changes);
            } else {
                compare(field.getName(), old, now, sensitive, changes);
            }
        }
        return changes;
    }

    private static void compareEntries(Map<?, ?> old, Map<?, ?> now, Set<String> sensitive, List<FieldChangeDTO> changes) {
        Set<String> keys = new TreeSet<>();
        if (old != null) {
            old.keySet().forEach(key -> keys.add(String.valueOf(key)));
        }
        if (now != null) {
            now.keySet().forEach(key -> keys.add(String.valueOf(key)));
        }
        for (String key : keys) {
            compare(CUSTOM_FIELDS + "." + key, old == null ? null : old.get(key), now == null ? null : now.get(key), sensitive, changes);
        }
    }

    private static void compare(String name, Object old, Object now, Set<String> sensitive, List<FieldChangeDTO> changes) {
        String oldText = emptyAsNull(AuditValues.text(old));
        String newText = emptyAsNull(AuditValues.text(now));
        if (Objects.equals(oldText, newText)) {
            return;
        }
        if (sensitive.contains(name)) {
            changes.add(new FieldChangeDTO(name, mask(oldText), mask(newText)));
        } else {
            changes.add(new FieldChangeDTO(name, oldText, newText));
        }
    }

    /** An empty collection or map is no value, as on a create. */
    private static String emptyAsNull(String text) {
        return "[]".equals(text) || "{}".equals(text) ? null : text;
    }

    private static String mask(String text) {
        return text == null ? null : FieldChangeDTO.MASK;
    }
}
