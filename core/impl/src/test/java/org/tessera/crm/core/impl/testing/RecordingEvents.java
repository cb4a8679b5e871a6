package org.tessera.crm.core.impl.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tessera.crm.core.impl.event.DomainEvents;

/** Records posted events in place of Event Admin. */
public final class RecordingEvents implements DomainEvents {
    public record Posted(String topic, Map<String, Object> properties) {
    }

    public final List<Posted> posted = new CopyOnWriteArrayList<>();

    @Override
    public void post(String topic, Map<String, Object> properties) {
        posted.add(new Posted(topic, Map.copyOf(properties)));
    }

    public Posted last() {
        return posted.get(posted.size() - 1);
    }
}
