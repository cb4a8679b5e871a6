package org.tessera.crm.core.impl.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.impl.testing.FakeLookups;

class ActivityRulesTest {
    private final ActivityRules rules = new ActivityRules(new FakeLookups()
            .picklist("activity-type", "CALL").picklist("activity-channel", "PHONE")
            .picklist("activity-outcome", "NO_ANSWER").record("PARTY", 10, 11).record("AGENT", 1));

    private static ActivityDTO call() {
        ActivityDTO a = new ActivityDTO();
        a.type = "CALL";
        a.subject = "Follow-up";
        a.participants.add("10");
        return a;
    }

    private List<String> errorFields(ActivityDTO a) {
        return rules.check(a).list().stream().map(e -> e.field).toList();
    }

    @Test
    void aValidCallPasses() {
        ActivityDTO a = call();
        a.channel = "PHONE";
        a.outcome = "NO_ANSWER";
        a.ownerId = "1";
        a.links.add("sales:opportunity:42");
        a.startAt = Instant.parse("2026-01-01T10:00:00Z");
        a.endAt = a.startAt;
        assertEquals(List.of(), errorFields(a));
    }

    @Test
    void everyErrorIsNamed() {
        ActivityDTO a = call();
        a.type = "DANCE";
        a.subject = " ";
        a.channel = "TELEPATHY";
        a.outcome = "MAYBE";
        a.assigneeId = "2";
        a.startAt = Instant.parse("2026-01-01T10:00:00Z");
        a.endAt = a.startAt.minusSeconds(1);
        a.participants.add("11");
        a.participants.add("12");
        a.participants.add("10");
        a.links.add("sales:opportunity");
        assertEquals(List.of("type", "subject", "channel", "outcome", "assigneeId", "endAt", "participants[2]",
                "participants[3]", "links[0]"), errorFields(a));
    }

    @Test
    void timelineAtPrefersEndThenStartThenDueThenCreation() {
        Instant end = Instant.parse("2026-01-04T00:00:00Z");
        Instant start = Instant.parse("2026-01-03T00:00:00Z");
        Instant due = Instant.parse("2026-01-02T00:00:00Z");
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(end, ActivityMapper.timelineAt(end, start, due, created));
        assertEquals(start, ActivityMapper.timelineAt(null, start, due, created));
        assertEquals(due, ActivityMapper.timelineAt(null, null, due, created));
        assertEquals(created, ActivityMapper.timelineAt(null, null, null, created));
    }
}
