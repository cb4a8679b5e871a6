package org.tessera.crm.insurance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.imports.ActivityImportService;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportedActivityDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.Stubs;
import org.tessera.crm.core.testkit.TestAudit;
import org.tessera.crm.core.testkit.TestEvents;
import org.tessera.crm.core.testkit.TestCallerContext;
import org.tessera.crm.core.testkit.TestDatabase;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.insurance.api.ClaimAmountDTO;
import org.tessera.crm.insurance.api.ClaimDTO;
import org.tessera.crm.insurance.api.ClaimPaymentDTO;
import org.tessera.crm.insurance.api.ClaimStatus;
import org.tessera.crm.insurance.api.CoverageCategory;
import org.tessera.crm.insurance.api.CoverageDTO;
import org.tessera.crm.insurance.api.EndorsementDTO;
import org.tessera.crm.insurance.api.LapseRunDTO;
import org.tessera.crm.insurance.api.ParticipantRole;
import org.tessera.crm.insurance.api.PolicyDTO;
import org.tessera.crm.insurance.api.PolicyParticipantDTO;
import org.tessera.crm.insurance.api.PolicyQuery;
import org.tessera.crm.insurance.api.PolicyStatus;
import org.tessera.crm.insurance.api.RenewalRunDTO;
import org.tessera.crm.insurance.api.RunResultDTO;
import org.tessera.crm.insurance.impl.rules.PaymentRules;

/**
 * The pack's persistence against every supported database, outside OSGi, through the real unit
 * and changelog; the core services it calls are stand-ins (a party exists when the test wrote its
 * row, and only inside the caller's perimeter, as the core answers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractInsuranceDatabaseTest {
    static final String CHANGELOG = "org/tessera/crm/insurance/impl/db/changelog.xml";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private TestDatabase database;
    private DataSource dataSource;
    private EmfTx tx;
    private PolicyServiceImpl policies;
    private ClaimServiceImpl claims;
    private RenewalServiceImpl renewals;
    private RecordScope scope;
    private org.tessera.crm.core.api.audit.AuditRecorder audit;
    private DomainEventPublisher events;
    private final TestCallerContext callers = new TestCallerContext();
    private final AtomicLong ids = new AtomicLong(700_000);
    private final Map<String, String> partyUnits = new ConcurrentHashMap<>();
    private volatile Set<String> perimeter;
    private final List<ImportedActivityDTO> plannedActivities = new CopyOnWriteArrayList<>();
    /** Set, the core's import fails as a crash between a run's commit and its reminders would leave them. */
    private final java.util.concurrent.atomic.AtomicBoolean reminderImportFails = new java.util.concurrent.atomic.AtomicBoolean();

    protected abstract TestDatabase startDatabase() throws Exception;

    private boolean inPerimeter(String partyId) {
        Set<String> units = perimeter;
        return partyUnits.containsKey(partyId) && (units == null || units.contains(partyUnits.get(partyId)));
    }

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrate("insurance", CHANGELOG);
        dataSource = database.dataSource();
        tx = new EmfTx(InsuranceUnit.NAME, dataSource);
        PartyService parties = Stubs.of(PartyService.class, (name, args) -> switch (name) {
            case "find" -> inPerimeter((String) args[0]) ? Optional.of(party((String) args[0])) : Optional.empty();
            case "get" -> party((String) args[0]);
            case "relationships" -> List.of();
            default -> null;
        });
        scope = Stubs.of(RecordScope.class, (name, args) -> switch (name) {
            case "canAccessParty" -> inPerimeter((String) args[0]);
            case "visibleOrgUnitIds" -> Optional.ofNullable(perimeter);
            default -> null;
        });
        CustomFieldService customFields = Stubs.of(CustomFieldService.class, (name, args) ->
                name.equals("normalize") ? args[1] : name.equals("isActiveValue") ? Boolean.TRUE : null);
        ValidationService validation = Stubs.of(ValidationService.class, (name, args) -> null);
        ActivityService activities = Stubs.of(ActivityService.class, (name, args) -> args[0]);
        ActivityImportService activityImport = Stubs.of(ActivityImportService.class, (name, args) -> {
            if (reminderImportFails.get()) {
                throw new IllegalStateException("the core is gone");
            }
            ImportReport report = new ImportReport();
            @SuppressWarnings("unchecked")
            Iterator<ImportRow<ImportedActivityDTO>> rows = (Iterator<ImportRow<ImportedActivityDTO>>) args[0];
            rows.forEachRemaining(row -> {
                plannedActivities.add(row.value);
                report.created++;
            });
            return report;
        });
        events = TestEvents.outbox(callers, tx);
        audit = TestAudit.coreRecorder(callers);
        policies = new PolicyServiceImpl(tx, parties, scope, callers, validation, customFields, activities, events, audit,
                java.time.Clock.systemUTC());
        claims = new ClaimServiceImpl(tx, policies, parties, scope, validation, customFields, events, audit, java.time.Clock.systemUTC());
        renewals = new RenewalServiceImpl(tx, scope, audit, events, activityImport, java.time.Clock.systemUTC());
    }

    @AfterAll
    void stop() throws Exception {
        if (tx != null) {
            tx.close();
        }
        database.close();
    }

    @Test
    void anEndorsementIsARevisionAndEveryDateReadsWhatItCovered() {
        String holder = partyInUnit("home");
        String a = partyInUnit("home");
        String b = partyInUnit("home");
        PolicyDTO draft = policy("E-1", holder, TODAY.minusDays(100), TODAY.plusDays(265));
        draft.participants.add(participant(a, ParticipantRole.BENEFICIARY, "60"));
        draft.participants.add(participant(b, ParticipantRole.BENEFICIARY, "40"));
        PolicyDTO created = policies.create(draft);
        assertEquals(2, created.coverages.size());
        PolicyDTO twin = policy("E-1", holder, TODAY, TODAY.plusYears(1));
        twin.number = created.number;
        assertEquals("number", assertThrows(ConflictException.class, () -> policies.create(twin)).field());

        List<CoverageDTO> raised = new ArrayList<>(List.of(coverage("FIRE", 100_000, 500), coverage("WATER", 8_000, 300)));
        ValidationException early = assertThrows(ValidationException.class,
                () -> policies.endorse(created.id, null, new EndorsementDTO(TODAY.minusDays(200), "too early", null, raised)));
        assertEquals("effectiveDate", early.errors().get(0).field);
        PolicyDTO endorsed = policies.endorse(created.id, created.version, new EndorsementDTO(TODAY.minusDays(20), "kitchen", new BigDecimal("70"), raised));
        assertEquals(2, endorsed.revisions.size());

        assertEquals(0, new BigDecimal("5000").compareTo(limit(policies.get(created.id, TODAY.minusDays(21)), "WATER")));
        assertEquals(0, new BigDecimal("8000").compareTo(limit(policies.get(created.id, TODAY.minusDays(20)), "WATER")));
        assertEquals(0, new BigDecimal("60").compareTo(policies.get(created.id, TODAY.minusDays(50)).premium));
        assertEquals(0, new BigDecimal("70").compareTo(policies.get(created.id, null).premium));
        assertEquals(3, policies.get(created.id, null).participants.size());
    }

    @Test
    void claimsArePaidWithinTheApprovedAmountAndTheLimitNetOfTheDeductible() {
        String holder = partyInUnit("claims");
        PolicyDTO policy = policies.create(policy("C-1", holder, TODAY.minusDays(100), TODAY.plusDays(265)));
        ClaimDTO draft = new ClaimDTO();
        draft.number = "CL-1";
        draft.policyId = policy.id;
        draft.lossDate = TODAY.minusDays(3);
        draft.type = "WATER_DAMAGE";
        draft.amounts.add(amount("WATER", "9000", null));
        ClaimDTO claim = claims.report(draft);
        assertEquals(ClaimStatus.REPORTED, claim.status);
        claim.amounts = List.of(amount("WATER", "9000", "4500"));
        claim = claims.update(claim.id, claim.version, claim);
        claim = claims.transition(claim.id, claim.version, ClaimStatus.UNDER_ASSESSMENT);
        claim = claims.transition(claim.id, claim.version, ClaimStatus.APPROVED);
        claim = claims.pay(claim.id, claim.version, payment("WATER", "4000"));
        assertEquals(ClaimStatus.PAID, claim.status);
        assertEquals(0, new BigDecimal("4000").compareTo(claim.amounts.get(0).paid));
        String id = claim.id;
        ValidationException overApproved = assertThrows(ValidationException.class, () -> claims.pay(id, null, payment("WATER", "600")));
        assertEquals(PaymentRules.EXCEEDS_APPROVED, overApproved.errors().get(0).code);
        claim.amounts = List.of(amount("WATER", "9000", "4700"));
        ClaimDTO raised = claims.update(id, null, claim);
        ValidationException overLimit = assertThrows(ValidationException.class, () -> claims.pay(id, null, payment("WATER", "800")));
        assertEquals(PaymentRules.EXCEEDS_LIMIT, overLimit.errors().get(0).code);
        assertEquals("amount", overLimit.errors().get(0).field);
        assertEquals(ClaimStatus.PAID, claims.pay(id, raised.version, payment("WATER", "700")).status);

        ClaimDTO late = new ClaimDTO();
        late.number = "CL-2";
        late.policyId = policy.id;
        late.lossDate = TODAY.minusDays(200);
        late.type = "FIRE";
        assertEquals("lossDate", assertThrows(ValidationException.class, () -> claims.report(late)).errors().get(0).field);
    }

    @Test
    void remindersOfARunCutShortAfterItsCommitArePlannedOnResume() {
        String holder = partyInUnit("renewals");
        LocalDate expiry = TODAY.plusDays(900);
        PolicyDTO draft = policy("RN-CUT", holder, expiry.minusYears(1), expiry);
        draft.agentId = "43";
        String old = policies.create(draft).id;
        RenewalRunDTO run = new RenewalRunDTO();
        run.expiringFrom = expiry;
        run.expiringTo = expiry.plusDays(1);
        run.reminderDaysBefore = 10;
        int plannedBefore = plannedActivities.size();
        reminderImportFails.set(true);
        try {
            assertThrows(IllegalStateException.class, () -> renewals.renew(run));
        } finally {
            reminderImportFails.set(false);
        }
        assertEquals(PolicyStatus.RENEWED, policies.get(old, null).status, "the terms committed before the reminders failed");
        assertEquals(plannedBefore, plannedActivities.size());

        assertEquals(1, renewals.resumePendingReminders());
        assertEquals(plannedBefore + 1, plannedActivities.size());
        ImportedActivityDTO reminder = plannedActivities.get(plannedActivities.size() - 1);
        assertEquals("43", reminder.ownerId);
        assertEquals(expiry.minusDays(10).atTime(9, 0).toInstant(ZoneOffset.UTC), reminder.dueAt);
        assertEquals(policies.get(old, null).renewedById, reminder.externalIds.get("insurance-renewal"));
        assertEquals(0, renewals.resumePendingReminders(), "a resumed run is done");
    }

    /** A second node on the same database: its own unit, the given import of reminders, its own clock. */
    private RenewalServiceImpl node(Tx nodeTx, ActivityImportService reminders, java.time.Clock clock) {
        return new RenewalServiceImpl(nodeTx, scope, audit, events, reminders, clock);
    }

    /** A run whose terms committed and whose reminders (one, for agent 44) are not planned, held by no node. */
    private long runCutShort(String number, LocalDate expiry) {
        PolicyDTO draft = policy(number, partyInUnit("renewals"), expiry.minusYears(1), expiry);
        draft.agentId = "44";
        policies.create(draft);
        RenewalRunDTO run = new RenewalRunDTO();
        run.expiringFrom = expiry;
        run.expiringTo = expiry.plusDays(1);
        reminderImportFails.set(true);
        try {
            assertThrows(IllegalStateException.class, () -> renewals.renew(run));
        } finally {
            reminderImportFails.set(false);
        }
        return tx.required(em -> ((Number) em.createNativeQuery("SELECT MAX(id) FROM ins_renewal_run WHERE reminders_planned = ?")
                .setParameter(1, false).getSingleResult()).longValue());
    }

    @Test
    void aRunHeldByALiveNodeIsLeftToItAndOneWhoseNodeDiedIsResumedOnceElsewhere() throws Exception {
        long runId = runCutShort("RN-DEAD", TODAY.plusDays(1100));
        // a node claimed it for its lease, then died
        Instant now = Instant.now();
        tx.required(em -> em.createNativeQuery("UPDATE ins_renewal_run SET claimed_by = 'dead-node', claimed_until = ? WHERE id = ?")
                .setParameter(1, Timestamp.from(now.plus(RenewalServiceImpl.REMINDER_LEASE))).setParameter(2, runId).executeUpdate());
        int plannedBefore = plannedActivities.size();
        assertEquals(0, renewals.resumePendingReminders(), "held by a node whose lease runs: not this node's to plan");
        assertEquals(plannedBefore, plannedActivities.size());
        try (EmfTx other = new EmfTx(InsuranceUnit.NAME, dataSource)) {
            java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), RenewalServiceImpl.REMINDER_LEASE.plusMinutes(1));
            RenewalServiceImpl survivor = node(other, plannedBy(plannedActivities, null, null), later);
            assertEquals(1, survivor.resumePendingReminders(), "the lease lapsed: another node takes the run over");
            assertEquals(plannedBefore + 1, plannedActivities.size());
            assertEquals(0, survivor.resumePendingReminders() + renewals.resumePendingReminders(), "done, once");
        }
        assertEquals(plannedBefore + 1, plannedActivities.size());
    }

    @Test
    void twoNodesResumingTheSameRunPlanItOnce() throws Exception {
        runCutShort("RN-RACE", TODAY.plusDays(1200));
        int plannedBefore = plannedActivities.size();
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch proceed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (EmfTx other = new EmfTx(InsuranceUnit.NAME, dataSource)) {
            RenewalServiceImpl slow = node(other, plannedBy(plannedActivities, entered, proceed), java.time.Clock.systemUTC());
            java.util.concurrent.Future<Integer> first = pool.submit(slow::resumePendingReminders);
            assertTrue(entered.await(30, java.util.concurrent.TimeUnit.SECONDS), "the first node plans the run");
            // while it plans, this node resumes too: the run is held
            assertEquals(0, renewals.resumePendingReminders());
            proceed.countDown();
            assertEquals(1, first.get(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            proceed.countDown();
            pool.shutdown();
        }
        assertEquals(plannedBefore + 1, plannedActivities.size(), "one reminder, planned by one node");
        assertEquals(0, renewals.resumePendingReminders());
    }

    /** The core's import of reminders into {@code planned}; when {@code entered} is given, it waits for {@code proceed} first. */
    private static ActivityImportService plannedBy(List<ImportedActivityDTO> planned, java.util.concurrent.CountDownLatch entered,
            java.util.concurrent.CountDownLatch proceed) {
        return Stubs.of(ActivityImportService.class, (name, args) -> {
            if (entered != null) {
                entered.countDown();
                try {
                    proceed.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ImportReport report = new ImportReport();
            @SuppressWarnings("unchecked")
            Iterator<ImportRow<ImportedActivityDTO>> rows = (Iterator<ImportRow<ImportedActivityDTO>>) args[0];
            rows.forEachRemaining(row -> {
                planned.add(row.value);
                report.created++;
            });
            return report;
        });
    }

    @Test
    void twoRenewalRunsAtOnceRenewEachTermOnce() throws Exception {
        String holder = partyInUnit("renewal-race");
        LocalDate expiry = TODAY.plusDays(1300);
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            old.add(policies.create(policy("RR-" + i, holder, expiry.minusYears(1), expiry)).id);
        }
        RenewalRunDTO run = new RenewalRunDTO();
        run.expiringFrom = expiry;
        run.expiringTo = expiry.plusDays(1);
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (EmfTx a = new EmfTx(InsuranceUnit.NAME, dataSource); EmfTx b = new EmfTx(InsuranceUnit.NAME, dataSource)) {
            RenewalServiceImpl nodeA = node(held(a, 2, written, commit), plannedBy(plannedActivities, null, null), java.time.Clock.systemUTC());
            RenewalServiceImpl nodeB = node(b, plannedBy(plannedActivities, null, null), java.time.Clock.systemUTC());
            // its second transaction: the first one claims the runs whose reminders are pending
            java.util.concurrent.Future<RunResultDTO> runA = pool.submit(() -> nodeA.renew(run));
            assertTrue(written.await(30, java.util.concurrent.TimeUnit.SECONDS));
            java.util.concurrent.Future<RunResultDTO> runB = pool.submit(() -> nodeB.renew(run));
            awaitLockWaitOr(runB); // B runs over the same window meanwhile, into A's uncommitted rows
            commit.countDown();
            assertEquals(3, runA.get(60, java.util.concurrent.TimeUnit.SECONDS).terms);
            // PostgreSQL: B read the window before A committed, its new terms meet A's on the unique
            // renewed_from_id: refused whole (409). Derby: B's read waited for A's locks, and finds none left.
            try {
                assertEquals(0, runB.get(60, java.util.concurrent.TimeUnit.SECONDS).terms, "nothing left to renew");
            } catch (java.util.concurrent.ExecutionException refused) {
                assertTrue(refused.getCause() instanceof ConflictException, refused.getCause().toString());
            }
        } finally {
            commit.countDown();
            pool.shutdown();
        }
        for (String id : old) {
            PolicyQuery query = new PolicyQuery();
            query.number = policies.get(id, null).number;
            assertEquals(2, policies.search(query).items.size(), "the old term and one renewal");
        }
    }

    /**
     * Waits until a transaction of the database waits for a lock (the other run has reached the rows
     * the held run wrote), or {@code other} ended without waiting; fails after 30 s.
     */
    private void awaitLockWaitOr(java.util.concurrent.Future<?> other) throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!other.isDone() && lockWaits() == 0) {
            assertTrue(System.nanoTime() < deadline, "no transaction waited for a lock within 30 s");
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** How many lock requests wait now, as the database reports them. */
    private int lockWaits() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String sql = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                    : "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'";
            try (PreparedStatement count = connection.prepareStatement(sql); java.sql.ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /**
     * {@code nodeTx}, whose {@code which}-th transaction (from 1) waits for {@code commit} once its work
     * is done, holding its locks.
     */
    private static Tx held(EmfTx nodeTx, int which, java.util.concurrent.CountDownLatch written, java.util.concurrent.CountDownLatch commit) {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        return new Tx() {
            @Override
            public <R> R required(java.util.function.Function<javax.persistence.EntityManager, R> work) {
                boolean hold = calls.incrementAndGet() == which;
                return nodeTx.required(em -> {
                    R result = work.apply(em);
                    if (!hold) {
                        return result;
                    }
                    written.countDown();
                    try {
                        commit.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return result;
                });
            }
        };
    }

    @Test
    void twoLapseRunsAtOnceLapseEachTermOnce() throws Exception {
        String holder = partyInUnit("lapse-race");
        List<String> unpaid = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PolicyDTO draft = policy("LR-" + i, holder, TODAY.minusDays(200), TODAY.plusDays(165));
            draft.paidThrough = TODAY.minusDays(45);
            unpaid.add(policies.create(draft).id);
        }
        long[] versions = unpaid.stream().mapToLong(id -> policies.get(id, null).version).toArray();
        // node A's lapse run holds its row locks until it is let commit; node B's run starts meanwhile
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (EmfTx a = new EmfTx(InsuranceUnit.NAME, dataSource); EmfTx b = new EmfTx(InsuranceUnit.NAME, dataSource)) {
            RenewalServiceImpl nodeA = node(held(a, 1, written, commit), plannedBy(plannedActivities, null, null), java.time.Clock.systemUTC());
            RenewalServiceImpl nodeB = node(b, plannedBy(plannedActivities, null, null), java.time.Clock.systemUTC());
            LapseRunDTO run = new LapseRunDTO();
            run.graceDays = 30;
            java.util.concurrent.Future<RunResultDTO> runA = pool.submit(() -> nodeA.lapse(run));
            assertTrue(written.await(30, java.util.concurrent.TimeUnit.SECONDS));
            java.util.concurrent.Future<RunResultDTO> runB = pool.submit(() -> nodeB.lapse(run));
            awaitLockWaitOr(runB); // B reaches A's row locks and waits
            commit.countDown();
            runA.get(60, java.util.concurrent.TimeUnit.SECONDS);
            runB.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            pool.shutdown();
        }
        for (int i = 0; i < unpaid.size(); i++) {
            PolicyDTO lapsed = policies.get(unpaid.get(i), null);
            assertEquals(PolicyStatus.LAPSED, lapsed.status);
            assertEquals(versions[i] + 1, lapsed.version, "lapsed by one run, not written again by the other");
        }
    }

    @Test
    void theRenewalRunAddsLinkedTermsInSqlAndPlansTheAgentsReminders() throws Exception {
        String holder = partyInUnit("renewals");
        LocalDate expiry = TODAY.plusDays(700);
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PolicyDTO draft = policy("RN-" + i, holder, expiry.minusYears(1), expiry);
            draft.agentId = i == 0 ? "42" : null;
            old.add(policies.create(draft).id);
        }
        PolicyDTO endorsed = policies.get(old.get(1), null);
        policies.endorse(endorsed.id, endorsed.version, new EndorsementDTO(expiry.minusDays(30), "rider", new BigDecimal("80"),
                List.of(coverage("FIRE", 200_000, 1000))));
        RenewalRunDTO run = new RenewalRunDTO();
        run.expiringFrom = expiry;
        run.expiringTo = expiry.plusDays(1);
        run.premiumFactor = new BigDecimal("1.05");
        run.reminderDaysBefore = 15;
        RunResultDTO result = renewals.renew(run);
        assertEquals(3, result.terms);
        assertEquals(1, result.activities);
        assertEquals(List.of("read", "compute", "write.pairs", "write.terms", "write.revisions", "write.coverages", "write.participants",
                "write.customValues", "write.closeOld", "audit", "commit", "reminders"), List.copyOf(result.splitMillis.keySet()),
                "the run says where its time went, step by step");
        assertEquals(expiry.minusDays(15).atTime(9, 0).toInstant(ZoneOffset.UTC), plannedActivities.get(plannedActivities.size() - 1).dueAt);

        for (String id : old) {
            PolicyDTO before = policies.get(id, null);
            assertEquals(PolicyStatus.RENEWED, before.status);
            PolicyDTO next = policies.get(before.renewedById, null);
            assertEquals(id, next.renewedFromId);
            assertEquals(2, next.termNumber);
            assertEquals(expiry, next.effectiveDate);
            assertEquals(expiry.plusYears(1), next.expiryDate);
            assertEquals(1, next.participants.size());
            assertEquals(holder, next.holderPartyId);
        }
        PolicyDTO rider = policies.get(policies.get(old.get(1), null).renewedById, null);
        assertEquals(1, rider.coverages.size(), "the last revision's coverages are copied");
        assertEquals(0, new BigDecimal("84.00").compareTo(rider.premium));
        assertEquals(2, policies.get(policies.get(old.get(0), null).renewedById, null).coverages.size());
        assertEquals(0, renewals.renew(run).terms, "a renewed term is not renewed twice");
        // EclipseLink's own ids after the run's ids: no clash on the sequence they share
        PolicyDTO after = policies.create(policy("RN-after", holder, TODAY, TODAY.plusYears(1)));
        assertNotEquals(null, after.id);
        PolicyQuery query = new PolicyQuery();
        query.number = policies.get(old.get(0), null).number;
        assertEquals(2, policies.search(query).items.size());
    }

    @Test
    void theLapseRunLapsesUnpaidTermsPastTheGracePeriod() {
        String holder = partyInUnit("lapses");
        PolicyDTO unpaid = policy("LP-1", holder, TODAY.minusDays(200), TODAY.plusDays(165));
        unpaid.paidThrough = TODAY.minusDays(45);
        String unpaidId = policies.create(unpaid).id;
        PolicyDTO paid = policy("LP-2", holder, TODAY.minusDays(200), TODAY.plusDays(165));
        paid.paidThrough = TODAY.minusDays(10);
        String paidId = policies.create(paid).id;
        LapseRunDTO run = new LapseRunDTO();
        run.graceDays = 30;
        assertTrue(renewals.lapse(run).terms >= 1);
        assertEquals(PolicyStatus.LAPSED, policies.get(unpaidId, null).status);
        assertEquals(PolicyStatus.IN_FORCE, policies.get(paidId, null).status);
    }

    @Test
    void termsOfPolicyholdersOutsideTheCallersScopeDoNotExistForThem() {
        String mine = partyInUnit("scope-a");
        String theirs = partyInUnit("scope-b");
        String hidden = policies.create(policy("SC-1", mine, TODAY, TODAY.plusYears(1))).id;
        String seen = policies.create(policy("SC-2", theirs, TODAY, TODAY.plusYears(1))).id;
        perimeter = Set.of(partyUnits.get(theirs));
        try {
            assertThrows(NotFoundException.class, () -> policies.get(hidden, null));
            PolicyQuery query = new PolicyQuery();
            query.limit = 200;
            List<String> listed = policies.search(query).items.stream().map(p -> p.id).toList();
            assertTrue(listed.contains(seen));
            assertTrue(!listed.contains(hidden));
        } finally {
            perimeter = null;
        }
    }

    @Test
    void healthDataIsReadOnlyWithItsPermission() {
        String holder = partyInUnit("health");
        PolicyDTO draft = policy("HL-1", holder, TODAY, TODAY.plusYears(1));
        draft.health = new org.tessera.crm.insurance.api.HealthDeclarationDTO();
        draft.health.conditions = "asthma";
        String id = policies.create(draft).id;
        assertEquals("asthma", policies.get(id, null).health.conditions);
        var clerk = new org.tessera.crm.core.api.security.Caller("clerk", Set.of(), Set.of(InsurancePermissions.POLICY_READ), null);
        assertNull(callers.as(clerk, () -> policies.get(id, null)).health);
    }

    @Test
    void personalDataKeepsPoliciesWithinTheirRetentionAndErasesTheTextsOfOlderOnes() throws SQLException {
        String holder = partyInUnit("privacy");
        PolicyDTO recent = policies.create(policy("PD-R", holder, TODAY.minusDays(30), TODAY.plusDays(335)));
        PolicyDTO old = policies.create(policy("PD-O", holder, TODAY.minusDays(30), TODAY.plusDays(335)));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement age = connection.prepareStatement("UPDATE ins_policy SET updated_at = ?, cancellation_reason = ? WHERE id = ?")) {
            for (PolicyDTO p : List.of(recent, old)) {
                age.setTimestamp(1, Timestamp.from(p == old ? Instant.now().minus(12 * 366, java.time.temporal.ChronoUnit.DAYS) : Instant.now()));
                age.setString(2, "moved to " + p.number);
                age.setLong(3, Long.parseLong(p.id));
                age.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        var tables = InsurancePersonalData.tables(10, 10);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            InsurancePersonalDataContext context = new InsurancePersonalDataContext(connection);
            var export = tables.export(holder, context);
            assertEquals(2, export.records.get(org.tessera.crm.insurance.api.Insurance.POLICY).size());
            assertEquals(2, export.records.get("INSURANCE_POLICY_PARTICIPANT").size());
            var result = tables.erase(holder, context);
            connection.commit();
            assertEquals(1, result.kept.get(0).count, "the policy changed within 10 years");
            assertEquals("policies are kept 10 years after their last change", result.kept.get(0).reason);
            assertEquals(1, result.erased.get(0).count, "the policy unchanged for 12 years");
            assertEquals(List.of(org.tessera.crm.insurance.api.Insurance.POLICY + " " + old.id), context.masked);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement("SELECT cancellation_reason FROM ins_policy WHERE id = ?")) {
            read.setLong(1, Long.parseLong(old.id));
            try (var rs = read.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getString(1), "the older policy's text is erased");
            }
            read.setLong(1, Long.parseLong(recent.id));
            try (var rs = read.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("moved to " + recent.number, rs.getString(1));
            }
        }
    }

    private PolicyDTO policy(String number, String holder, LocalDate effective, LocalDate expiry) {
        PolicyDTO p = new PolicyDTO();
        p.number = number + "-" + ids.incrementAndGet();
        p.lineOfBusiness = "HOME";
        p.status = PolicyStatus.IN_FORCE;
        p.effectiveDate = effective;
        p.expiryDate = expiry;
        p.premium = new BigDecimal("60");
        p.premiumFrequency = "MONTHLY";
        p.coverages.add(coverage("FIRE", 100_000, 500));
        p.coverages.add(coverage("WATER", 5_000, 300));
        p.participants.add(participant(holder, ParticipantRole.POLICYHOLDER, null));
        return p;
    }

    private static CoverageDTO coverage(String code, long limit, long deductible) {
        CoverageDTO c = new CoverageDTO();
        c.code = code;
        c.name = code.charAt(0) + code.substring(1).toLowerCase();
        c.category = CoverageCategory.BASE;
        c.limit = BigDecimal.valueOf(limit);
        c.deductible = BigDecimal.valueOf(deductible);
        return c;
    }

    private static PolicyParticipantDTO participant(String party, ParticipantRole role, String share) {
        PolicyParticipantDTO p = new PolicyParticipantDTO();
        p.partyId = party;
        p.role = role;
        p.sharePercent = share == null ? null : new BigDecimal(share);
        return p;
    }

    private static ClaimAmountDTO amount(String code, String claimed, String approved) {
        ClaimAmountDTO a = new ClaimAmountDTO();
        a.coverageCode = code;
        a.claimed = new BigDecimal(claimed);
        a.approved = approved == null ? null : new BigDecimal(approved);
        return a;
    }

    private static ClaimPaymentDTO payment(String code, String amount) {
        ClaimPaymentDTO p = new ClaimPaymentDTO();
        p.coverageCode = code;
        p.amount = new BigDecimal(amount);
        return p;
    }

    private static BigDecimal limit(PolicyDTO policy, String code) {
        return policy.coverages.stream().filter(c -> c.code.equals(code)).findFirst().orElseThrow().limit;
    }

    /** A party row (and its org unit) in the core's tables, which record scope reads in the query. */
    private String partyInUnit(String code) {
        long unit = ids.incrementAndGet();
        long party = ids.incrementAndGet();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insertUnit = connection.prepareStatement("INSERT INTO org_unit (id, version, code, name) VALUES (?, 1, ?, ?)");
                PreparedStatement insertParty = connection.prepareStatement("INSERT INTO party (id, version, party_type, status,"
                        + " org_unit_id, created_at, updated_at) VALUES (?, 1, 'PERSON', 'ACTIVE', ?, ?, ?)")) {
            insertUnit.setLong(1, unit);
            insertUnit.setString(2, code + "-" + unit);
            insertUnit.setString(3, code);
            insertUnit.executeUpdate();
            Timestamp now = Timestamp.from(Instant.now());
            insertParty.setLong(1, party);
            insertParty.setLong(2, unit);
            insertParty.setTimestamp(3, now);
            insertParty.setTimestamp(4, now);
            insertParty.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        partyUnits.put(Long.toString(party), Long.toString(unit));
        return Long.toString(party);
    }

    private static PartyDTO party(String id) {
        PartyDTO party = new PartyDTO();
        party.id = id;
        party.type = PartyType.PERSON;
        return party;
    }
}
