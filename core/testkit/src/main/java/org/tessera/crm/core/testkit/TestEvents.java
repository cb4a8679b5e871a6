package org.tessera.crm.core.testkit;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.tessera.crm.core.api.event.DomainEvent;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The core's own {@link DomainEventPublisher}, for a module's database tests: events land in the
 * core's outbox table of the test database exactly as in the server (no dispatcher runs, so they
 * stay there, undispatched). Like {@link TestAudit}, it is found on the test class path (the core
 * implementation, at test scope), so that neither this kit nor a module's test compiles against it.
 */
public final class TestEvents {
    /** The core's outbox publisher, the service that OSGi binds in the server. */
    static final String CORE_PUBLISHER = "org.tessera.crm.core.impl.outbox.OutboxDomainEvents";

    private TestEvents() {
    }

    /**
     * The core's publisher: {@code record} writes on the caller's connection, {@code post} in a
     * transaction of {@code tx} (any unit of the test database: the outbox is in the core schema).
     */
    public static DomainEventPublisher outbox(CallerContext callers, Tx tx) {
        try {
            return Class.forName(CORE_PUBLISHER).asSubclass(DomainEventPublisher.class)
                    .getConstructor(CallerContext.class, Tx.class).newInstance(callers, tx);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the core's event publisher is not on the test class path:"
                    + " add org.tessera.crm.core.impl as a test dependency", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create the core's event publisher " + CORE_PUBLISHER, e);
        }
    }

    /** {@code publisher}, telling {@code observer} the topic and properties of each event it is given. */
    public static DomainEventPublisher observed(DomainEventPublisher publisher, BiConsumer<String, Map<String, Object>> observer) {
        return new DomainEventPublisher() {
            @Override
            public void record(Connection transaction, String topic, Map<String, Object> properties) {
                publisher.record(transaction, topic, properties);
                observer.accept(topic, properties);
            }

            @Override
            public void recordAll(Connection transaction, List<DomainEvent> events) {
                publisher.recordAll(transaction, events);
                events.forEach(event -> observer.accept(event.topic(), event.properties()));
            }

            @Override
            @SuppressWarnings("deprecation")
            public void post(String topic, Map<String, Object> properties) {
                publisher.post(topic, properties);
                observer.accept(topic, properties);
            }
        };
    }
}
