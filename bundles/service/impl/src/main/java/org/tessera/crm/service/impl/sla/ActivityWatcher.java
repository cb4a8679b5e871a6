package org.tessera.crm.service.impl.sla;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.security.CallerContext;

/**
 * Completes the milestones waiting for an activity: when a core activity is created, each record it
 * is linked to ({@code module:entity:id}) that has clocks hears of its type. Generic: any record the
 * engine runs clocks for, whatever its module. Updates are not heard on purpose: an edit of an
 * activity already logged would otherwise complete the next cycle of a recurring milestone.
 */
@Component(property = {EventConstants.EVENT_TOPIC + "=" + CoreEvents.ACTIVITY_CREATED,
        EventConstants.EVENT_FILTER + "=" + CoreEvents.ONCE_PER_CLUSTER}, service = EventHandler.class)
public class ActivityWatcher implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityWatcher.class);

    private final SlaEngineImpl engine;
    private final ActivityService activities;
    private final CallerContext callers;

    @Activate
    public ActivityWatcher(@Reference SlaEngineImpl engine, @Reference ActivityService activities, @Reference CallerContext callers) {
        this.engine = engine;
        this.activities = activities;
        this.callers = callers;
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(CoreEvents.ID);
        if (id == null) {
            return;
        }
        try {
            callers.callAsSystem(() -> {
                activities.find(id.toString()).ifPresent(this::completeFor);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("SLA completion for activity {} failed: {}", id, e.toString());
        }
    }

    private void completeFor(ActivityDTO activity) {
        for (String link : activity.links) {
            engine.activityLoggedOn(link, activity.type);
        }
    }
}
