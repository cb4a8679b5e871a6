package org.tessera.crm.core.impl.event;

import org.tessera.crm.core.api.event.DomainEventPublisher;

/** The core services' own name for the {@link DomainEventPublisher} they post to. */
public interface DomainEvents extends DomainEventPublisher {
}
