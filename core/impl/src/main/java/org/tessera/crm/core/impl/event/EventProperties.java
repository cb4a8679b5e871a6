package org.tessera.crm.core.impl.event;

import java.util.HashMap;
import java.util.Map;

import org.tessera.crm.core.api.event.CoreEvents;

/** Builds the standard properties of a core domain event. */
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
}
