package org.tessera.crm.sales.impl.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.event.CoreEvents;

/** Posts sales events on Event Admin (optional: without it events are dropped, logged at debug). */
@Component(service = SalesEvents.class)
public class SalesEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SalesEvents.class);

    @Reference(name = "eventAdmin", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    /** Posts asynchronously; call it after the transaction committed. */
    public void post(String topic, String entityType, String id, Long version, List<String> changedFields,
            Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put(CoreEvents.ID, id);
        properties.put(CoreEvents.ENTITY_TYPE, entityType);
        if (version != null) {
            properties.put(CoreEvents.VERSION, version);
        }
        if (changedFields != null) {
            properties.put(CoreEvents.CHANGED_FIELDS, changedFields.toArray(String[]::new));
        }
        EventAdmin admin = eventAdmin;
        if (admin == null) {
            LOG.debug("No Event Admin; dropped {}", topic);
            return;
        }
        admin.postEvent(new Event(topic, properties));
    }

    public void post(String topic, String entityType, String id, Long version) {
        post(topic, entityType, id, version, null, Map.of());
    }
}
