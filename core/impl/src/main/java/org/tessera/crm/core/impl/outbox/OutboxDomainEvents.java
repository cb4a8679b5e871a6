package org.tessera.crm.core.impl.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tessera.crm.core.api.event.DomainEvent;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The {@link DomainEventPublisher} of the core and every module: events go to the outbox table, on
 * the connection of the change ({@link #record}) or in a transaction of their own ({@link #post});
 * the {@link OutboxDispatcher} publishes them once committed, and is woken here so that it looks
 * at once.
 */
@Component(service = DomainEventPublisher.class)
public class OutboxDomainEvents implements DomainEventPublisher {
    private final CallerContext callers;
    private final Tx tx;

    @Reference(name = "dispatcher", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OutboxDispatcher dispatcher;

    @Activate
    public OutboxDomainEvents(@Reference(name = "callers") CallerContext callers,
            @Reference(name = "tx", target = CoreUnit.TX) Tx tx) {
        this.callers = callers;
        this.tx = tx;
    }

    @Override
    public void record(Connection transaction, String topic, Map<String, Object> properties) {
        recordAll(transaction, List.of(new DomainEvent(topic, properties)));
    }

    @Override
    public void recordAll(Connection transaction, List<DomainEvent> events) {
        try {
            OutboxWriter.write(transaction, callers.currentLogin(), events);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + events.size() + " event(s) to the outbox", e);
        }
        OutboxDispatcher current = dispatcher;
        if (current != null && !events.isEmpty()) {
            current.nudge();
        }
    }

    @Override
    @Deprecated
    public void post(String topic, Map<String, Object> properties) {
        tx.required(em -> {
            record(em.unwrap(Connection.class), topic, properties);
            return null;
        });
    }

    /** For tests, which wire the dispatcher by hand. */
    public void setDispatcher(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }
}
