package org.tessera.crm.forecasting.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.testkit.Stubs;
import org.tessera.crm.forecasting.api.ForecastSetupService;
import org.tessera.crm.forecasting.api.ForecastingTopics;
import org.tessera.crm.forecasting.api.PeriodDTO;
import org.tessera.crm.forecasting.api.PositionDTO;

class SubmitNotifierTest {
    private final List<ActivityDTO> created = new ArrayList<>();
    private final List<String> asSystem = new ArrayList<>();

    private SubmitNotifier notifier() {
        ActivityService activities = Stubs.of(ActivityService.class, (name, args) -> {
            if (name.equals("create")) {
                created.add((ActivityDTO) args[0]);
                return args[0];
            }
            throw new UnsupportedOperationException(name);
        });
        ForecastSetupService setup = Stubs.of(ForecastSetupService.class, (name, args) -> {
            if (name.equals("position")) {
                PositionDTO position = new PositionDTO();
                position.name = "Field Sales Rep, North";
                return position;
            }
            if (name.equals("period")) {
                PeriodDTO period = new PeriodDTO();
                period.name = "FY2027-Q1";
                return period;
            }
            throw new UnsupportedOperationException(name);
        });
        CallerContext callers = Stubs.of(CallerContext.class, (name, args) -> {
            if (name.equals("callAsSystem")) {
                asSystem.add("system");
                return ((Supplier<?>) args[0]).get();
            }
            throw new UnsupportedOperationException(name);
        });
        return new SubmitNotifier(activities, setup, callers, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theManagerGetsAReviewTaskLinkedToTheRevisionCreatedAsTheSystem() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", "731");
        properties.put(ForecastingTopics.MANAGER_AGENT_ID, "12");
        properties.put(ForecastingTopics.POSITION_ID, "5");
        properties.put(ForecastingTopics.PERIOD_ID, "9");
        properties.put(ForecastingTopics.REVISION, 2);
        notifier().handleEvent(new Event(ForecastingTopics.SUBMITTED, properties));

        assertEquals(1, created.size());
        ActivityDTO task = created.get(0);
        assertEquals("TASK", task.type);
        assertEquals("12", task.ownerId);
        assertEquals("12", task.assigneeId);
        assertEquals(List.of("forecasting:revision:731"), task.links);
        assertEquals("Review the forecast of Field Sales Rep, North for FY2027-Q1 (revision 2)", task.subject);
        assertEquals(Instant.parse("2026-12-04T10:00:00Z"), task.dueAt);
        assertEquals(List.of("system"), asSystem);
    }

    @Test
    void theTopOfTheTreeNotifiesNobody() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", "732");
        properties.put(ForecastingTopics.POSITION_ID, "1");
        notifier().handleEvent(new Event(ForecastingTopics.SUBMITTED, properties));
        assertTrue(created.isEmpty());
    }
}
