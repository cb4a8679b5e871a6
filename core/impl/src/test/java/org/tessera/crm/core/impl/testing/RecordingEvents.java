package org.tessera.crm.core.impl.testing;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.event.DomainEvent;

/** Records the events given to it in place of the outbox (recorded in a transaction or posted after one). */
public final class RecordingEvents implements DomainEventPublisher {
    public record Posted(String topic, Map<String, Object> properties) {
    }

    public final List<Posted> posted = new CopyOnWriteArrayList<>();

    @Override
    public void record(Connection transaction, String topic, Map<String, Object> properties) {
        posted.add(new Posted(topic, Map.copyOf(properties)));
    }

    @Override
    public void recordAll(Connection transaction, List<DomainEvent> events) {
        events.forEach(event -> record(transaction, event.topic(), event.properties()));
    }

    @Override
    @Deprecated
    public void post(String topic, Map<String, Object> properties) {
        posted.add(new Posted(topic, Map.copyOf(properties)));
    }

    public Posted last() {
        return posted.get(posted.size() - 1);
    }
}
