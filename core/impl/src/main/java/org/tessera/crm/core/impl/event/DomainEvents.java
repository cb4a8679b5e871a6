package org.tessera.crm.core.impl.event;

import java.sql.Connection;
import java.util.List;

import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.impl.outbox.OutboxEvent;

/** The core services' own name for the {@link DomainEventPublisher} they record to, with a batch for imports. */
public interface DomainEvents extends DomainEventPublisher {
    /** Records {@code events} on the transaction's connection, as {@link #record} does one, in one batch. */
    void recordAll(Connection transaction, List<OutboxEvent> events);
}
