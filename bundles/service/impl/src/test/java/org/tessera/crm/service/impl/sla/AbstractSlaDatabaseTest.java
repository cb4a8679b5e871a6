package org.tessera.crm.service.impl.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.TestCallerContext;
import org.tessera.crm.core.testkit.TestEvents;
import org.tessera.crm.core.testkit.TestDatabase;
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.api.ServiceTopics;
import org.tessera.crm.service.api.sla.CalendarDTO;
import org.tessera.crm.service.api.sla.MilestoneDefinitionDTO;
import org.tessera.crm.service.api.sla.MilestoneStatusDTO;
import org.tessera.crm.service.api.sla.SlaActionDTO;
import org.tessera.crm.service.api.sla.SlaPolicyDTO;
import org.tessera.crm.service.api.sla.SlaSubject;
import org.tessera.crm.service.impl.ServiceUnit;
import org.tessera.crm.service.impl.entity.ClockEntity;

/**
 * The SLA engine on each supported database, with the module's real unit and changelog: two engines
 * on one database stand for two nodes, and each deadline fires once between them; a sweep after
 * "downtime" catches up; pause and resume move the target; a policy keeps its version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSlaDatabaseTest {
    static final String CHANGELOG = "org/tessera/crm/service/impl/db/changelog.xml";
    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z"); // a Monday, 09:00 in Paris

    private final TestCallerContext callers = new TestCallerContext();
    private final List<String> activities = new CopyOnWriteArrayList<>();
    /** The first link of each activity created, one entry per activity. */
    private final List<String> activityLinks = new CopyOnWriteArrayList<>();
    /** The activities' SLA keys, unique as the core's activity_external_id makes them. */
    private final Set<String> activityKeys = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(5_000_000);
    private TestDatabase database;
    private EmfTx nodeA;
    private EmfTx nodeB;
    private EngineClock clockA;
    private EngineClock clockB;
    private SlaEngineImpl engineA;
    private SlaEngineImpl engineB;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrate(RequestService.MODULE, CHANGELOG);
        nodeA = new EmfTx(ServiceUnit.NAME, database.dataSource());
        nodeB = new EmfTx(ServiceUnit.NAME, database.dataSource());
        clockA = new EngineClock(Clock.fixed(T0, ZoneOffset.UTC), true);
        clockB = new EngineClock(Clock.fixed(T0, ZoneOffset.UTC), true);
        ActivityService activityService = (ActivityService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ActivityService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create")) {
                        ActivityDTO activity = (ActivityDTO) args[0];
                        String key = activity.externalIds.get(SlaEngineImpl.ACTIVITY_SOURCE);
                        if (key != null && !activityKeys.add(key)) {
                            throw new ConflictException("externalIds." + SlaEngineImpl.ACTIVITY_SOURCE, "another activity has key " + key);
                        }
                        activities.add(activity.subject + " " + activity.links);
                        activityLinks.add(activity.links.get(0));
                        activity.id = "1";
                        return activity;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        engineA = new SlaEngineImpl(nodeA, clockA, TestEvents.outbox(callers, nodeA),
                activityService, callers);
        engineB = new SlaEngineImpl(nodeB, clockB, TestEvents.outbox(callers, nodeB),
                activityService, callers);

        CalendarDTO paris = new CalendarDTO();
        paris.code = "PARIS-OFFICE";
        paris.zone = "Europe/Paris";
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            paris.hours.put(day, List.of("09:00-12:00", "13:00-17:00"));
        }
        engineA.putCalendar(paris);
        SlaPolicyDTO policy = firstResponsePolicy("STANDARD", "THING", "PARIS-OFFICE", 120);
        MilestoneDefinitionDTO response = policy.milestones.get(0);
        response.warnBeforeMinutes = 30;
        response.completeOnActivityType = "CALL";
        SlaActionDTO task = new SlaActionDTO();
        task.type = SlaActionDTO.Type.ACTIVITY;
        task.activityType = "TASK";
        task.subject = "Respond now";
        task.assignee = "7";
        response.warningActions.add(task);
        engineA.putPolicy(policy);
    }

    /** A policy with one milestone, FIRST_RESPONSE, due {@code targetMinutes} of business time after the start. */
    private static SlaPolicyDTO firstResponsePolicy(String code, String subjectType, String calendar, int targetMinutes) {
        SlaPolicyDTO policy = new SlaPolicyDTO();
        policy.code = code;
        policy.subjectType = subjectType;
        policy.calendar = calendar;
        MilestoneDefinitionDTO response = new MilestoneDefinitionDTO();
        response.code = "FIRST_RESPONSE";
        response.targetMinutes = targetMinutes;
        policy.milestones.add(response);
        return policy;
    }

    @AfterAll
    void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        database.close();
    }

    @Test
    void twoNodesSweepingTogetherFireEachDeadlineOnce() throws Exception {
        clockA.setOffset(Duration.ZERO);
        List<String> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            subjects.add(open().id);
        }
        // both nodes wake up after a downtime: every warning (09:00 + 90 min) and target (11:00) has passed
        clockA.setOffset(Duration.ofHours(4));
        clockB.setOffset(Duration.ofHours(4));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> a = () -> engineA.sweep(7);
            Callable<Integer> b = () -> engineB.sweep(7);
            List<Future<Integer>> sweeps = pool.invokeAll(List.of(a, b, a, b));
            int fired = 0;
            for (Future<Integer> sweep : sweeps) {
                fired += sweep.get();
            }
            assertTrue(fired >= 80, "40 warnings and 40 violations at least (other tests' clocks may be due too): " + fired);
        } finally {
            pool.shutdown();
        }
        for (String subject : subjects) {
            assertEquals(1, count(ServiceTopics.MILESTONE_WARNED, subject), "fired once across the nodes, its event committed once");
            assertEquals(1, count(ServiceTopics.MILESTONE_VIOLATED, subject));
            MilestoneStatusDTO status = engineA.milestones("THING", subject).get(0);
            assertTrue(status.violated && status.warned);
            assertEquals(1, activitiesOf(subject), "the warning's task created once across the nodes");
        }
        assertEquals(0, engineA.sweep(10) + engineB.sweep(10), "nothing is due any more");
        assertEquals(0, owedActions(subjects), "every action that ran was released");
        clockA.setOffset(Duration.ZERO);
        clockB.setOffset(Duration.ZERO);
    }

    @Test
    void aSweepClaimsByBatchesWarningsThenViolations() {
        clockA.setOffset(Duration.ZERO);
        List<String> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            subjects.add(open().id);
        }
        // 10:45 Paris: every warning (10:30) is due, no target (11:00) yet; batches of 3 claim them all
        clockA.setOffset(Duration.ofMinutes(105));
        assertTrue(engineA.sweep(3) >= 10);
        for (String subject : subjects) {
            assertEquals(1, count(ServiceTopics.MILESTONE_WARNED, subject));
            assertEquals(0, count(ServiceTopics.MILESTONE_VIOLATED, subject));
            MilestoneStatusDTO status = engineA.milestones("THING", subject).get(0);
            assertTrue(status.warned);
            assertFalse(status.violated);
        }
        assertTrue(activities.stream().filter(a -> a.startsWith("Respond now")).count() >= 10, "the warning actions ran");
        // 11:15: the targets have passed, the warnings are not fired again
        clockA.setOffset(Duration.ofMinutes(135));
        assertTrue(engineA.sweep(3) >= 10);
        for (String subject : subjects) {
            assertEquals(1, count(ServiceTopics.MILESTONE_WARNED, subject));
            assertEquals(1, count(ServiceTopics.MILESTONE_VIOLATED, subject));
            assertTrue(engineA.milestones("THING", subject).get(0).violated);
        }
        assertEquals(0, engineA.sweep(3));
        clockA.setOffset(Duration.ZERO);
    }

    @Test
    void aBatchClaimedInPartElsewhereBetweenReadAndClaimIsRefusedWhole() {
        clockA.setOffset(Duration.ZERO);
        List<String> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            subjects.add(open().id);
        }
        clockA.setOffset(Duration.ofHours(4));
        clockB.setOffset(Duration.ofHours(4));
        Instant now = clockB.now();
        // node B reads the ten due clocks; before it claims them, node A claims the first five in one batch
        List<ClockEntity> stale = clocksOf(nodeB, subjects);
        assertEquals(10, stale.size());
        List<SlaEngineImpl.Fired> claimedByA = nodeA.required(em -> engineA.claimBatch(em, clocksOf(em, subjects.subList(0, 5)), now));
        assertEquals(10, claimedByA.size(), "a warning and a violation for each of the five (catch-up)");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> nodeB.required(em -> engineB.claimBatch(em, stale, now)));
        boolean lost = false;
        for (Throwable t = refused; t != null; t = t.getCause()) {
            lost |= t instanceof SlaEngineImpl.ClaimLost;
        }
        assertTrue(lost, refused.toString());
        // rolled back whole: node B's sweep then fires the other five, once, and none of the first five
        assertTrue(engineB.sweep(100) >= 10);
        for (int i = 0; i < 10; i++) {
            String subject = subjects.get(i);
            assertEquals(i < 5 ? 0 : 1, count(ServiceTopics.MILESTONE_WARNED, subject), subject);
            assertEquals(i < 5 ? 0 : 1, count(ServiceTopics.MILESTONE_VIOLATED, subject), subject);
            MilestoneStatusDTO status = engineA.milestones("THING", subject).get(0);
            assertTrue(status.warned && status.violated, subject);
        }
        assertEquals(0, engineA.sweep(100) + engineB.sweep(100), "nothing is due any more");
        clockA.setOffset(Duration.ZERO);
        clockB.setOffset(Duration.ZERO);
    }

    @Test
    void aClockThatStaysDueDoesNotHoldTheOthersBack() {
        clockA.setOffset(Duration.ZERO);
        List<String> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            subjects.add(open().id);
        }
        // two clocks no transition applies to (warned, target far ahead, yet due): they stay due, earliest of all
        List<Long> stuck = clocksOf(nodeA, subjects.subList(0, 2)).stream().map(c -> c.id).toList();
        nodeA.required(em -> em.createNativeQuery("UPDATE sla_clock SET phase = 'WARNED', next_deadline = ?, target_at = ?"
                + " WHERE id IN (?, ?)").setParameter(1, java.sql.Timestamp.from(T0.plusSeconds(60)))
                .setParameter(2, java.sql.Timestamp.from(T0.plus(Duration.ofDays(10)))).setParameter(3, stuck.get(0))
                .setParameter(4, stuck.get(1)).executeUpdate());
        try {
            clockA.setOffset(Duration.ofMinutes(105));
            // batches of 2: the first holds the two stuck clocks, and so does the next; the sweep must still reach the rest
            int fired = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> engineA.sweep(2));
            assertTrue(fired >= 4, "fired " + fired);
            for (String subject : subjects.subList(2, 6)) {
                assertEquals(1, count(ServiceTopics.MILESTONE_WARNED, subject), subject);
            }
        } finally {
            nodeA.required(em -> em.createNativeQuery("DELETE FROM sla_clock WHERE id IN (?, ?)").setParameter(1, stuck.get(0))
                    .setParameter(2, stuck.get(1)).executeUpdate());
            clockA.setOffset(Duration.ZERO);
        }
    }

    @Test
    void actionsLeftUndoneByANodeThatDiedAreRunOnceByAnotherAfterTheLease() {
        clockA.setOffset(Duration.ZERO);
        List<String> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            subjects.add(open().id);
        }
        // 10:45 Paris: the warnings are due. Node A claims them (events and owed actions committed with
        // the claim), then dies before running the actions; for the first subject, it had created the task
        clockA.setOffset(Duration.ofMinutes(105));
        clockB.setOffset(Duration.ofMinutes(105));
        Instant now = clockA.now();
        List<SlaEngineImpl.Fired> claimed = nodeA.required(em -> engineA.recorded(em, engineA.claimBatch(em, clocksOf(em, subjects), now)));
        assertEquals(4, claimed.size());
        long firstClock = clocksOf(nodeA, subjects.subList(0, 1)).get(0).id;
        activityKeys.add(firstClock + "-WARNED-0");
        activityLinks.add("test:thing:" + subjects.get(0));
        assertEquals(4, owedActions(subjects));
        try {
            // node B sweeps within A's lease: the deadlines are claimed already, the actions are A's
            engineB.sweep(100);
            for (String subject : subjects) {
                assertEquals(1, count(ServiceTopics.MILESTONE_WARNED, subject));
                assertEquals(subject.equals(subjects.get(0)) ? 1 : 0, activitiesOf(subject), subject);
            }
            assertEquals(4, owedActions(subjects));
            // the lease (5 min) lapses: B's next sweep takes the actions over and runs them, once
            clockB.setOffset(Duration.ofMinutes(111));
            engineB.sweep(100);
            for (String subject : subjects) {
                assertEquals(1, activitiesOf(subject), "the task of " + subject + " exists once, the first one not created again");
                assertEquals(1, count(ServiceTopics.MILESTONE_WARNED, subject), "the event is not recorded again");
            }
            assertEquals(0, owedActions(subjects), "released by B");
            engineA.sweep(100);
            engineB.sweep(100);
            for (String subject : subjects) {
                assertEquals(1, activitiesOf(subject));
            }
        } finally {
            clockA.setOffset(Duration.ZERO);
            clockB.setOffset(Duration.ZERO);
        }
    }

    @Test
    void twoNodesTakingOverTheSameLapsedActionsRunThemOnce() throws Exception {
        clockA.setOffset(Duration.ZERO);
        List<String> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            subjects.add(open().id);
        }
        // a third node claimed the warnings and died; A and B both find its lease lapsed and race for the rows
        clockA.setOffset(Duration.ofMinutes(105));
        Instant now = clockA.now();
        SlaEngineImpl dead = new SlaEngineImpl(nodeA, clockA, TestEvents.outbox(callers, nodeA), null, callers, Duration.ofSeconds(1));
        nodeA.required(em -> dead.recorded(em, dead.claimBatch(em, clocksOf(em, subjects), now)));
        clockA.setOffset(Duration.ofMinutes(106));
        clockB.setOffset(Duration.ofMinutes(106));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> a = () -> engineA.sweep(3);
            Callable<Integer> b = () -> engineB.sweep(3);
            for (Future<Integer> sweep : pool.invokeAll(List.of(a, b, a, b, a, b, a, b, a, b, a, b, a, b))) {
                sweep.get();
            }
        } finally {
            pool.shutdown();
            clockA.setOffset(Duration.ZERO);
            clockB.setOffset(Duration.ZERO);
        }
        for (String subject : subjects) {
            assertEquals(1, activitiesOf(subject), subject);
            assertEquals(1, count(ServiceTopics.MILESTONE_WARNED, subject), subject);
        }
        assertEquals(0, owedActions(subjects));
    }

    private long activitiesOf(String subject) {
        return activityLinks.stream().filter(("test:thing:" + subject)::equals).count();
    }

    /** The rows of sla_action_run of the subjects' clocks: actions claimed and not yet run. */
    private long owedActions(List<String> subjects) {
        List<Long> clocks = clocksOf(nodeA, subjects).stream().map(c -> c.id).toList();
        return nodeA.required(em -> em.createNativeQuery("SELECT clock_id FROM sla_action_run").getResultList().stream()
                .filter(id -> clocks.contains(((Number) id).longValue())).count());
    }

    private static List<ClockEntity> clocksOf(EmfTx node, List<String> subjects) {
        return node.required(em -> clocksOf(em, subjects));
    }

    private static List<ClockEntity> clocksOf(javax.persistence.EntityManager em, List<String> subjects) {
        return em.createQuery("SELECT c FROM ClockEntity c WHERE c.subjectType = 'THING' AND c.subjectId IN :ids ORDER BY c.id",
                ClockEntity.class).setParameter("ids", subjects.stream().map(Long::valueOf).toList()).getResultList();
    }

    /** The events the outbox holds for the subject: recorded by transactions that committed, so a claim lost to the other node counts none. */
    private long count(String topic, String subject) {
        return nodeA.required(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM event_outbox WHERE topic = ? AND record_id = ?")
                .setParameter(1, topic).setParameter(2, subject).getSingleResult()).longValue());
    }

    @Test
    void pauseResumeAndCompletionByAnActivity() {
        clockA.setOffset(Duration.ZERO);
        SlaSubject subject = open();
        // paused from 09:30 to 14:00 Paris: 3 h 30 of business time stopped (09:30-12:00, 13:00-14:00; lunch excluded)
        clockA.setOffset(Duration.ofMinutes(30));
        engineA.statusChanged("THING", subject.id, "WAITING", "PENDING", true);
        assertEquals(MilestoneStatusDTO.State.PAUSED, engineA.milestones("THING", subject.id).get(0).state);
        clockA.setOffset(Duration.ofHours(5));
        engineA.sweep(100);
        assertEquals(0, count(ServiceTopics.MILESTONE_WARNED, subject.id), "a paused clock never fires");
        engineA.statusChanged("THING", subject.id, "OPEN", "OPEN", false);
        MilestoneStatusDTO resumed = engineA.milestones("THING", subject.id).get(0);
        assertEquals(210, resumed.stoppedMinutes);
        assertEquals(T0.plus(Duration.ofHours(6).plusMinutes(30)), resumed.targetAt, "120 + 210 business minutes from 09:00 = 15:30 Paris");
        assertEquals(90, resumed.remainingMinutes);
        // a CALL logged on the record completes it, on time
        clockA.setOffset(Duration.ofHours(5).plusMinutes(30));
        engineA.activityLoggedOn(subject.link, "CALL");
        MilestoneStatusDTO done = engineA.milestones("THING", subject.id).get(0);
        assertEquals(MilestoneStatusDTO.State.COMPLETED, done.state);
        assertFalse(done.violated);
        assertEquals(1, count(ServiceTopics.MILESTONE_SUCCEEDED, subject.id));
        clockA.setOffset(Duration.ZERO);
    }

    @Test
    void aRunningClockKeepsItsPolicyVersion() {
        clockA.setOffset(Duration.ZERO);
        SlaPolicyDTO versioned = engineA.policies().stream().filter(p -> p.code.equals("STANDARD")).findFirst().orElseThrow();
        versioned.code = "VERSIONED";
        versioned.subjectType = "VTHING";
        engineA.putPolicy(versioned);
        SlaSubject subject = open("VTHING");
        SlaPolicyDTO stricter = engineA.policies().stream().filter(p -> p.code.equals("VERSIONED")).findFirst().orElseThrow();
        int before = stricter.policyVersion;
        stricter.milestones.get(0).targetMinutes = 30;
        stricter.milestones.get(0).warnBeforeMinutes = 10;
        SlaPolicyDTO v2 = engineA.putPolicy(stricter);
        assertEquals(before + 1, v2.policyVersion);
        MilestoneStatusDTO old = engineA.milestones("VTHING", subject.id).get(0);
        assertEquals(before, old.policyVersion);
        assertEquals(120, old.targetMinutes);
        assertEquals(30, engineA.milestones("VTHING", open("VTHING").id).get(0).targetMinutes, "a new clock takes the new version");
    }

    @Test
    void aClockStartedAfterItsCalendarChangedUsesTheNewHours() {
        clockA.setOffset(Duration.ZERO);
        CalendarDTO early = new CalendarDTO();
        early.code = "CHANGING";
        early.zone = "UTC";
        early.hours.put("MONDAY", List.of("08:00-09:00"));
        engineA.putCalendar(early);
        engineA.putPolicy(firstResponsePolicy("ON-CHANGING", "CTHING", "CHANGING", 60));
        // Monday 08:00 UTC: an hour of business time ends at 09:00
        assertEquals(Instant.parse("2026-12-07T09:00:00Z"), engineA.milestones("CTHING", open("CTHING").id).get(0).targetAt);
        early.hours.put("MONDAY", List.of("08:00-08:30", "10:00-12:00"));
        engineA.putCalendar(early);
        assertEquals(Instant.parse("2026-12-07T10:30:00Z"), engineA.milestones("CTHING", open("CTHING").id).get(0).targetAt,
                "a clock started after the change counts the calendar's new hours");
    }

    @Test
    void invalidDefinitionsNameTheirFields() {
        CalendarDTO bad = new CalendarDTO();
        bad.code = "BAD";
        bad.zone = "Mars/Olympus";
        bad.hours = Map.of("MONDAY", List.of("17:00-09:00"), "FUNDAY", List.of("09:00-10:00"));
        ValidationException refused = assertThrows(ValidationException.class, () -> engineA.putCalendar(bad));
        List<String> fields = refused.errors().stream().map(e -> e.field).toList();
        assertTrue(fields.containsAll(List.of("zone", "hours.MONDAY[0]", "hours.FUNDAY")), fields.toString());
        SlaPolicyDTO policy = new SlaPolicyDTO();
        policy.code = "P";
        policy.subjectType = "THING";
        policy.calendar = "NOPE";
        MilestoneDefinitionDTO m = new MilestoneDefinitionDTO();
        m.code = "X";
        policy.milestones.add(m);
        ValidationException noTarget = assertThrows(ValidationException.class, () -> engineA.putPolicy(policy));
        assertTrue(noTarget.errors().stream().anyMatch(e -> "milestones[0].targetMinutes".equals(e.field)));
    }

    private SlaSubject open() {
        return open("THING");
    }

    private SlaSubject open(String type) {
        SlaSubject subject = new SlaSubject();
        subject.entityType = type;
        subject.id = String.valueOf(ids.incrementAndGet());
        subject.link = "test:thing:" + subject.id;
        subject.partyId = "42";
        assertEquals(1, engineA.start(subject).size());
        return subject;
    }
}
