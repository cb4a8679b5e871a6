package org.tessera.crm.core.kit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tessera.crm.core.api.event.CoreEvents;

/**
 * The standard properties of a domain event ({@link CoreEvents}): the record's type, id and
 * version, the fields that changed, and any extra property of the module's topic.
 */
public final class EventProperties {
    private EventProperties() {
    }

    public static Map<String, Object> of(String entityType, String id, Long version, String[] changedFields) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CoreEvents.ID, id);
        properties.put(CoreEvents.ENTITY_TYPE, entityType);
        if (version != null) {
            properties.put(CoreEvents.VERSION, version);
        }
        if (changedFields != null) {
            properties.put(CoreEvents.CHANGED_FIELDS, changedFields);
        }
        return properties;
    }

    public static Map<String, Object> of(String entityType, String id, Long version) {
        return of(entityType, id, version, null);
    }

    /**
     * An update's properties, with the names of the DTO fields whose values differ between
     * {@code before} and {@code after} (the version and {@code ignored} fields aside).
     */
    public static Map<String, Object> updated(String entityType, String id, Long version, Object before, Object after,
            String... ignored) {
        java.util.Set<String> skipped = new java.util.HashSet<>(List.of(ignored));
        skipped.add("version");
        return of(entityType, id, version, ChangedFields.between(before, after, skipped));
    }

    /** With the changed fields (may be {@code null}) and {@code extra} properties of the topic. */
    public static Map<String, Object> of(String entityType, String id, Long version, List<String> changedFields,
            Map<String, ?> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.putAll(of(entityType, id, version, changedFields == null ? null : changedFields.toArray(String[]::new)));
        return properties;
    }
}
