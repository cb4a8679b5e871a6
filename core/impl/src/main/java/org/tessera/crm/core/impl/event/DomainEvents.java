package org.tessera.crm.core.impl.event;

import java.util.Map;

/** Posts domain events; callers invoke it only after their transaction committed. */
public interface DomainEvents {
    void post(String topic, Map<String, Object> properties);
}
