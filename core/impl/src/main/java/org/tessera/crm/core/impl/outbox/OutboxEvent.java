package org.tessera.crm.core.impl.outbox;

import java.util.Map;

/** An event to write to the outbox: its Event Admin topic and properties. */
public record OutboxEvent(String topic, Map<String, Object> properties) {
}
