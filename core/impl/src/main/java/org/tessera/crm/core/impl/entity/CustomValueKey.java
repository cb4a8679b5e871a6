package org.tessera.crm.core.impl.entity;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link CustomValueEntity}. */
public class CustomValueKey implements Serializable {
    private static final long serialVersionUID = 1L;
    public String entityType;
    public Long entityId;
    public String fieldKey;

    public CustomValueKey() {
    }

    public CustomValueKey(String entityType, Long entityId, String fieldKey) {
        this.entityType = entityType;
        this.entityId = entityId;
        this.fieldKey = fieldKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomValueKey k && Objects.equals(entityType, k.entityType)
                && Objects.equals(entityId, k.entityId) && Objects.equals(fieldKey, k.fieldKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entityType, entityId, fieldKey);
    }
}
