package org.tessera.crm.core.api.event;

import java.util.Map;

/**
 * One event for {@link DomainEventPublisher#recordAll}: its Event Admin topic and its properties,
 * as {@link DomainEventPublisher#record} takes them.
 */
public record DomainEvent(String topic, Map<String, Object> properties) {
}
