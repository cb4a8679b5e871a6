package org.tessera.crm.core.impl.event;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DomainEvents} (the {@link DomainEventPublisher} of every module) on Event Admin. Event Admin is optional: without it the core still works
 * and events are dropped (logged at debug).
 */
@Component(service = {DomainEvents.class, DomainEventPublisher.class})
public class EventAdminDomainEvents implements DomainEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EventAdminDomainEvents.class);

    @Reference(name = "eventAdmin", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Override
    public void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin == null) {
            LOG.debug("No Event Admin; dropped {}", topic);
            return;
        }
        admin.postEvent(new Event(topic, properties));
    }
}
