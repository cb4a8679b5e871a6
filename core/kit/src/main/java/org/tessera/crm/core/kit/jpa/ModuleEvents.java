package org.tessera.crm.core.kit.jpa;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.event.DomainEvent;
import org.tessera.crm.core.api.event.DomainEventPublisher;

/**
 * A module's domain events, written to the core's outbox on the connection of the change's own
 * transaction, so that an event is published if and only if the change commits. Call it inside
 * {@link Tx#required}, after the change, with the properties of {@code EventProperties}:
 *
 * <pre>
 * tx.required(em -&gt; {
 *     ...
 *     events.record(em, SalesTopics.OPPORTUNITY_UPDATED, EventProperties.of(OPPORTUNITY, after.id, after.version, changed));
 *     return after;
 * });
 * </pre>
 */
public final class ModuleEvents {
    private final DomainEventPublisher publisher;

    public ModuleEvents(DomainEventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Records the event in the transaction {@code em} belongs to. */
    public void record(EntityManager em, String topic, Map<String, Object> properties) {
        publisher.record(em.unwrap(Connection.class), topic, properties);
    }

    /** Records {@code events}, in their order, in one batch in the transaction {@code em} belongs to. */
    public void recordAll(EntityManager em, List<DomainEvent> events) {
        if (!events.isEmpty()) {
            publisher.recordAll(em.unwrap(Connection.class), events);
        }
    }
}
