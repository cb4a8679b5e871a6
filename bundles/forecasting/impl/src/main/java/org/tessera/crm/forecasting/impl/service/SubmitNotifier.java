package org.tessera.crm.forecasting.impl.service;

import java.time.Clock;
import java.time.Duration;

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
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.activity.ActivityTypes;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.forecasting.api.ForecastSetupService;
import org.tessera.crm.forecasting.api.ForecastingTopics;
import org.tessera.crm.forecasting.api.PeriodDTO;
import org.tessera.crm.forecasting.api.PositionDTO;

/**
 * Notifies the manager of a submitted forecast: a core task in their name, due the next day and
 * linked to the revision ({@code forecasting:revision:<id>}), so it is in their activity list and on
 * the worksheet's timeline. Heard from the SUBMITTED event, after the revision committed; a position
 * without a manager (the top of the tree) notifies nobody. Created as the system: the submitter may
 * not write activities in their manager's name. A failure is logged and loses nothing but the task:
 * the revision is stored and the event was posted.
 */
@Component(property = {EventConstants.EVENT_TOPIC + "=" + ForecastingTopics.SUBMITTED,
        EventConstants.EVENT_FILTER + "=" + CoreEvents.ONCE_PER_CLUSTER}, service = EventHandler.class)
public class SubmitNotifier implements EventHandler {
    static final String LINK_PREFIX = "forecasting:revision:";
    private static final Logger LOG = LoggerFactory.getLogger(SubmitNotifier.class);

    private final ActivityService activities;
    private final ForecastSetupService setup;
    private final CallerContext callers;
    private final Clock clock;

    @Activate
    public SubmitNotifier(@Reference ActivityService activities, @Reference ForecastSetupService setup, @Reference CallerContext callers) {
        this(activities, setup, callers, Clock.systemUTC());
    }

    SubmitNotifier(ActivityService activities, ForecastSetupService setup, CallerContext callers, Clock clock) {
        this.activities = activities;
        this.setup = setup;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public void handleEvent(Event event) {
        Object manager = event.getProperty(ForecastingTopics.MANAGER_AGENT_ID);
        Object revision = event.getProperty(CoreEvents.ID);
        if (manager == null || revision == null) {
            return;
        }
        try {
            callers.callAsSystem(() -> activities.create(task(manager.toString(), revision.toString(),
                    setup.position(String.valueOf(event.getProperty(ForecastingTopics.POSITION_ID))),
                    setup.period(String.valueOf(event.getProperty(ForecastingTopics.PERIOD_ID))),
                    event.getProperty(ForecastingTopics.REVISION))));
        } catch (RuntimeException e) {
            LOG.warn("The manager (agent {}) of forecast revision {} could not be given a review task: {}", manager, revision, e.toString());
        }
    }

    ActivityDTO task(String managerAgentId, String revisionId, PositionDTO position, PeriodDTO period, Object revisionNumber) {
        ActivityDTO task = new ActivityDTO();
        task.type = ActivityTypes.TASK;
        task.status = ActivityStatus.PLANNED;
        task.subject = "Review the forecast of " + position.name + " for " + period.name + " (revision " + revisionNumber + ")";
        task.ownerId = managerAgentId;
        task.assigneeId = managerAgentId;
        task.dueAt = clock.instant().plus(Duration.ofDays(1));
        task.links.add(LINK_PREFIX + revisionId);
        return task;
    }
}
