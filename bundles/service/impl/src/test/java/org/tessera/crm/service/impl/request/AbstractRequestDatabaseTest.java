package org.tessera.crm.service.impl.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.mail.MailDeliveryException;
import org.tessera.crm.core.api.mail.MailMessage;
import org.tessera.crm.core.api.mail.MailSender;
import org.tessera.crm.core.api.mail.MailSettings;
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.plan.ActionPlanService;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.Stubs;
import org.tessera.crm.core.testkit.TestAudit;
import org.tessera.crm.core.testkit.TestEvents;
import org.tessera.crm.core.testkit.TestCallerContext;
import org.tessera.crm.core.testkit.TestDatabase;
import org.tessera.crm.service.api.AssignmentRuleDTO;
import org.tessera.crm.service.api.DocumentDTO;
import org.tessera.crm.service.api.DocumentTemplateDTO;
import org.tessera.crm.service.api.GenerateDocumentDTO;
import org.tessera.crm.service.api.QueueDTO;
import org.tessera.crm.service.api.RequestDTO;
import org.tessera.crm.service.api.RequestQuery;
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.api.sla.CalendarDTO;
import org.tessera.crm.service.api.sla.MilestoneDefinitionDTO;
import org.tessera.crm.service.api.sla.MilestoneStatusDTO;
import org.tessera.crm.service.api.sla.SlaPolicyDTO;
import org.tessera.crm.service.impl.RequestOverviewContributor;
import org.tessera.crm.service.impl.RequestTimelineContributor;
import org.tessera.crm.service.impl.ServiceUnit;
import org.tessera.crm.service.impl.document.DocumentServiceImpl;
import org.tessera.crm.service.impl.setup.ServiceSetupImpl;
import org.tessera.crm.service.impl.sla.EngineClock;
import org.tessera.crm.service.impl.sla.ServiceConfig;
import org.tessera.crm.service.impl.sla.SlaEngineImpl;

/**
 * Requests on each supported database, with the module's real unit and changelog after the core's:
 * numbering, routing into a round-robin queue, the SLA started and paused by status, history,
 * transitions, lists (scope, mine, open), the NDJSON import's upsert, unique external ids, an email
 * document's delivery retried, timeline and overview. Core
 * services are stand-ins; the core's audit recorder is the real one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRequestDatabaseTest {
    static final String CHANGELOG = "org/tessera/crm/service/impl/db/changelog.xml";

    private final TestCallerContext callers = new TestCallerContext();
    private final Scope scope = new Scope();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicLong keys = new AtomicLong(900_000);
    private TestDatabase database;
    private DataSource dataSource;
    private EmfTx tx;
    private RequestServiceImpl service;
    private ServiceSetupImpl setup;
    private RequestTimelineContributor timeline;
    private RequestOverviewContributor overview;
    private EngineClock clock;
    private final FakeMail mail = new FakeMail();
    private DocumentServiceImpl documents;
    private DocumentServiceImpl documentsOnNodeB;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrate(RequestService.MODULE, CHANGELOG);
        dataSource = database.dataSource();
        tx = new EmfTx(ServiceUnit.NAME, dataSource);
        OrgService org = Stubs.keepingDefaults(OrgService.class, (name, args) -> switch (name) {
            case "findAgent" -> Optional.of(agent((String) args[0]));
            case "findAgentByLogin" -> ((String) args[0]).startsWith("agent") ? Optional.of(agent(((String) args[0]).substring(5)))
                    : Optional.empty();
            default -> null;
        });
        PartyService parties = Stubs.keepingDefaults(PartyService.class, (name, args) -> name.equals("find") && scope.partyUnits.containsKey((String) args[0])
                ? Optional.of(party((String) args[0])) : Optional.empty());
        CustomFieldService customFields = Stubs.keepingDefaults(CustomFieldService.class, (name, args) -> name.equals("normalize")
                ? new LinkedHashMap<>((Map<?, ?>) args[1]) : null);
        ActionPlanService plans = Stubs.keepingDefaults(ActionPlanService.class, (name, args) -> name.equals("cancelForRecord") ? 0 : null);
        ActivityService activities = Stubs.keepingDefaults(ActivityService.class, (name, args) -> Optional.empty());
        clock = new EngineClock(Clock.systemUTC(), true);
        setup = new ServiceSetupImpl(tx, org);
        SlaEngineImpl sla = new SlaEngineImpl(tx, clock, TestEvents.observed(TestEvents.outbox(callers, tx), (topic, properties) -> events.add(topic)), activities, callers);
        service = new RequestServiceImpl(tx, scope, (type, candidate, previous) -> { }, TestEvents.observed(TestEvents.outbox(callers, tx), (topic, properties) -> events.add(topic)),
                TestAudit.coreRecorder(callers), callers, parties, org, activities, customFields, plans, setup, sla, clock, config());
        timeline = new RequestTimelineContributor(tx, scope);
        overview = new RequestOverviewContributor(tx, scope);
        documents = new DocumentServiceImpl(tx, service, setup, parties, org, callers, mail, TestEvents.observed(TestEvents.outbox(callers, tx), (topic, properties) -> events.add(topic)),
                TestAudit.coreRecorder(callers), clock, config());
        // a second node on the same database
        documentsOnNodeB = new DocumentServiceImpl(tx, service, setup, parties, org, callers, mail, TestEvents.observed(TestEvents.outbox(callers, tx), (topic, properties) -> events.add(topic)),
                TestAudit.coreRecorder(callers), clock, config());
        DocumentTemplateDTO email = new DocumentTemplateDTO();
        email.code = "ACK";
        email.name = "Acknowledgement";
        email.kind = DocumentTemplateDTO.DocumentKind.EMAIL;
        email.subject = "Your request {{request.number}}";
        email.body = "<p>We opened {{request.number}}: {{request.summary}}.</p>";
        setup.putDocumentTemplate(email);

        QueueDTO queue = new QueueDTO();
        queue.code = "BILLING";
        queue.name = "Billing";
        queue.members = List.of("7", "8");
        setup.putQueue(queue);
        AssignmentRuleDTO rule = new AssignmentRuleDTO();
        rule.conditions.put("reason", "BILLING");
        rule.queueCode = "BILLING";
        setup.putAssignmentRules(List.of(rule));
        CalendarDTO always = new CalendarDTO();
        always.code = "ALWAYS";
        always.zone = "UTC";
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            always.hours.put(day, List.of("00:00-24:00"));
        }
        sla.putCalendar(always);
        SlaPolicyDTO policy = new SlaPolicyDTO();
        policy.code = "DEFAULT";
        policy.subjectType = RequestService.ENTITY_TYPE;
        policy.calendar = "ALWAYS";
        MilestoneDefinitionDTO resolution = new MilestoneDefinitionDTO();
        resolution.code = "RESOLUTION";
        resolution.targetMinutes = 480;
        resolution.completeOnStatuses.add("RESOLVED");
        policy.milestones.add(resolution);
        sla.putPolicy(policy);
    }

    @AfterAll
    void stop() throws Exception {
        tx.close();
        database.close();
    }

    @Test
    void aRequestIsNumberedRoutedTimedAndKeepsItsHistory() {
        String party = partyInUnit();
        RequestDTO first = service.create(draft(party, "Invoice twice", "BILLING"));
        RequestDTO second = service.create(draft(party, "Refund late", "BILLING"));
        assertTrue(first.number.matches("SR-\\d{6}"), first.number);
        assertEquals(Long.parseLong(first.number.substring(3)) + 1, Long.parseLong(second.number.substring(3)), "one sequence per type");
        assertEquals(Set.of("7", "8"), Set.of(first.ownerId, second.ownerId), "round robin between the queue's members");
        assertEquals(first.queueId, second.queueId);
        assertEquals(MilestoneStatusDTO.State.RUNNING, first.milestones.get(0).state);

        RequestDTO waiting = service.get(first.id);
        waiting.status = "WAITING_CUSTOMER";
        waiting = service.update(first.id, waiting.version, waiting);
        assertEquals(MilestoneStatusDTO.State.PAUSED, waiting.milestones.get(0).state);
        RequestDTO backToNew = service.get(first.id);
        backToNew.status = "NEW";
        ValidationException refused = assertThrows(ValidationException.class, () -> service.update(first.id, null, backToNew));
        assertEquals("status", refused.errors().get(0).field);
        RequestDTO resolved = service.get(first.id);
        resolved.status = "RESOLVED";
        resolved.resolution = "Credit note sent";
        resolved = service.update(first.id, null, resolved);
        assertEquals(MilestoneStatusDTO.State.COMPLETED, resolved.milestones.get(0).state);
        assertEquals(List.of("status", "status", "status", "resolution"),
                service.history(first.id).stream().map(h -> h.field).toList());
        assertEquals("WAITING_CUSTOMER", service.history(first.id).get(1).newValue);
    }

    @Test
    void listsObeyScopeMineAndOpen() {
        String hiddenParty = partyInUnit();
        String visibleParty = partyInUnit();
        String hidden = service.create(draft(hiddenParty, "Hidden", "BILLING")).id;
        RequestDTO visible = service.create(draft(visibleParty, "Visible", null));
        scope.perimeter = Set.of(scope.partyUnits.get(visibleParty));
        try {
            assertThrows(NotFoundException.class, () -> service.get(hidden));
            RequestQuery all = new RequestQuery();
            all.limit = 200;
            assertEquals(List.of(visible.id), service.list(all).items.stream().map(r -> r.id).toList());
        } finally {
            scope.perimeter = null;
        }
        String owner = service.get(hidden).ownerId;
        callers.bind(new Caller("agent" + owner, Set.of("agent"), Set.of(), null));
        try {
            RequestQuery mine = new RequestQuery();
            mine.mine = true;
            mine.open = true;
            mine.limit = 200;
            assertTrue(service.list(mine).items.stream().allMatch(r -> owner.equals(r.ownerId) && !r.statusCategory.isDone()));
            assertTrue(service.list(mine).items.stream().anyMatch(r -> r.id.equals(hidden)));
            assertTrue(service.myQueues().stream().anyMatch(q -> q.code.equals("BILLING")));
        } finally {
            callers.unbind();
        }
    }

    @Test
    void anImportUpsertsByNumberAndReportsRejectedRows() {
        String party = partyInUnit();
        RequestDTO migrated = draft(party, "Migrated from Siebel", null);
        migrated.number = "2-1CR-" + keys.incrementAndGet();
        migrated.status = "CLOSED";
        RequestDTO bad = draft(party, null, null);
        bad.number = "BAD-" + keys.incrementAndGet();
        bad.priority = "SOMEDAY";
        ImportReport report = service.importRequests(rows(migrated, bad));
        assertEquals(1, report.created);
        assertEquals(1, report.rejected);
        assertEquals(2, report.errors.get(0).line);
        ImportReport again = service.importRequests(rows(migrated));
        assertEquals(1, again.unchanged);
        migrated.summary = "Migrated, corrected";
        assertEquals(1, service.importRequests(rows(migrated)).updated);
        RequestQuery byNumber = new RequestQuery();
        byNumber.number = migrated.number;
        RequestDTO stored = service.list(byNumber).items.get(0);
        assertEquals("Migrated, corrected", stored.summary);
        assertEquals("CLOSED", stored.status);
        assertTrue(stored.milestones.isEmpty(), "a migrated request starts no clock");
    }

    @Test
    void anExternalIdIsUniqueOnCreateUpdateAndImport() {
        String party = partyInUnit();
        String external = "1-SIEBEL-" + keys.incrementAndGet();
        RequestDTO first = draft(party, "Migrated first", null);
        first.externalId = external;
        service.create(first);
        RequestDTO twin = draft(party, "Its twin", null);
        twin.externalId = external;
        ConflictException onCreate = assertThrows(ConflictException.class, () -> service.create(twin));
        assertEquals("externalId", onCreate.field());
        RequestDTO other = service.create(draft(party, "Another", null));
        other.externalId = external;
        ConflictException onUpdate = assertThrows(ConflictException.class, () -> service.update(other.id, null, other));
        assertEquals("externalId", onUpdate.field());
        RequestDTO imported = draft(party, "Imported twin", null);
        imported.number = "IMP-" + keys.incrementAndGet();
        imported.externalId = external;
        ImportReport report = service.importRequests(rows(imported));
        assertEquals(1, report.rejected, "a new number with a taken externalId");
        assertEquals("externalId", report.errors.get(0).errors.get(0).field);
        // requests that came from nowhere have none, as many as there are
        assertEquals(null, service.create(draft(party, "Native one", null)).externalId);
        assertEquals(null, service.create(draft(party, "Native two", null)).externalId);
    }

    @Test
    void anEmailTheMailServerDidNotTakeIsRetriedWithBackoffThenSentOrFailed() {
        String party = partyInUnit();
        RequestDTO request = service.create(draft(party, "Meter unreadable", null));
        GenerateDocumentDTO command = new GenerateDocumentDTO();
        command.templateCode = "ACK";
        command.pdf = false;
        command.to = List.of("client@example.org");
        try {
            mail.mode = FakeMail.Mode.DOWN;
            Instant start = clock.now();
            DocumentDTO pending = documents.generate(request.id, command);
            assertEquals(DocumentDTO.SendState.PENDING, pending.sendState);
            assertEquals(1, pending.sendAttempts);
            assertEquals("connection refused", pending.lastError);
            assertEquals("connection refused", pending.deliveryError);
            assertTrue(!pending.nextAttemptAt.isBefore(start.plusSeconds(60)), "first retry a minute later: " + pending.nextAttemptAt);
            int tried = mail.attempts;
            assertEquals(0, documents.retryDue(50), "not due yet");
            assertEquals(tried, mail.attempts, "not even tried");

            // due, the server still down: tried, pending again after twice the delay
            clock.setOffset(Duration.ofMinutes(2));
            Instant retried = clock.now();
            assertEquals(0, documents.retryDue(50));
            DocumentDTO again = documents.get(request.id, pending.id);
            assertEquals(DocumentDTO.SendState.PENDING, again.sendState);
            assertEquals(2, again.sendAttempts);
            assertTrue(!again.nextAttemptAt.isBefore(retried.plusSeconds(120)), again.nextAttemptAt.toString());

            // due again; while this node sends, a second node sweeps: it finds the document claimed
            clock.setOffset(Duration.ofMinutes(5));
            mail.mode = FakeMail.Mode.UP;
            int[] sentByB = new int[1];
            mail.whileSending = () -> sentByB[0] += documentsOnNodeB.retryDue(50);
            assertEquals(1, documents.retryDue(50));
            assertEquals(0, sentByB[0], "claimed by the first node: the second does not send it");
            DocumentDTO sent = documents.get(request.id, pending.id);
            assertEquals(DocumentDTO.SendState.SENT, sent.sendState);
            assertEquals(3, sent.sendAttempts);
            assertEquals("<1@test>", sent.messageId);
            assertEquals(null, sent.lastError);
            assertEquals(null, sent.nextAttemptAt);
            assertEquals(1, mail.sentTo.stream().filter(to -> to.equals("client@example.org")).count(), "sent once");

            // always down: failed after the last attempt (3 in this configuration)
            mail.whileSending = null;
            mail.mode = FakeMail.Mode.DOWN;
            String doomed = documents.generate(request.id, command).id;
            clock.setOffset(Duration.ofMinutes(30));
            documents.retryDue(50);
            clock.setOffset(Duration.ofMinutes(60));
            documents.retryDue(50);
            DocumentDTO failed = documents.get(request.id, doomed);
            assertEquals(DocumentDTO.SendState.FAILED, failed.sendState);
            assertEquals(3, failed.sendAttempts);
            assertEquals(null, failed.nextAttemptAt);

            // refused for good at a retry: failed at once
            String refusedLater = documents.generate(request.id, command).id;
            mail.mode = FakeMail.Mode.REFUSING;
            clock.setOffset(Duration.ofMinutes(90));
            documents.retryDue(50);
            assertEquals(DocumentDTO.SendState.FAILED, documents.get(request.id, refusedLater).sendState);
            assertEquals(2, documents.get(request.id, refusedLater).sendAttempts);
            assertEquals(List.of(DocumentDTO.SendState.SENT, DocumentDTO.SendState.FAILED, DocumentDTO.SendState.FAILED),
                    documents.documents(request.id).stream().map(d -> d.sendState).toList());
        } finally {
            mail.mode = FakeMail.Mode.UP;
            mail.whileSending = null;
            clock.setOffset(Duration.ZERO);
        }
    }

    /** A mail server that takes the message, is unreachable, or refuses the address for good. */
    static final class FakeMail implements MailSender {
        enum Mode { UP, DOWN, REFUSING }

        volatile Mode mode = Mode.UP;
        volatile Runnable whileSending;
        final List<String> sentTo = new CopyOnWriteArrayList<>();
        int attempts;

        @Override
        public synchronized String send(MailMessage message) {
            attempts++;
            Runnable during = whileSending;
            if (during != null) {
                whileSending = null;
                during.run();
            }
            switch (mode) {
                case DOWN -> throw new MailDeliveryException("connection refused", false, null);
                case REFUSING -> throw new MailDeliveryException("550 no such user", true, null);
                default -> {
                    sentTo.addAll(message.to);
                    return "<" + sentTo.size() + "@test>";
                }
            }
        }

        @Override
        public MailSettings settings() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theTimelineAndOverviewShowTheRequests() {
        String party = partyInUnit();
        RequestDTO request = service.create(draft(party, "Broken meter", null));
        RequestDTO open = service.get(request.id);
        open.status = "OPEN";
        service.update(request.id, null, open);
        TimelineQuery query = new TimelineQuery();
        query.partyId = party;
        List<TimelineEntryDTO> entries = timeline.entries(query);
        assertEquals(Set.of("SERVICE_REQUEST", "SERVICE_REQUEST_STATUS"), Set.copyOf(entries.stream().map(e -> e.kind).toList()));
        OverviewSectionDTO section = overview.contribute(party);
        assertEquals(1, section.figures.get(0).value.intValue());
        assertTrue(section.items.get(0).title.contains(request.number));
    }

    private static Iterator<ImportRow<RequestDTO>> rows(RequestDTO... values) {
        List<ImportRow<RequestDTO>> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(ImportRow.of(i + 1, copy(values[i])));
        }
        return rows.iterator();
    }

    private static RequestDTO copy(RequestDTO d) {
        RequestDTO c = new RequestDTO();
        c.number = d.number;
        c.externalId = d.externalId;
        c.summary = d.summary;
        c.partyId = d.partyId;
        c.status = d.status;
        c.priority = d.priority;
        c.reason = d.reason;
        return c;
    }

    private static RequestDTO draft(String party, String summary, String reason) {
        RequestDTO draft = new RequestDTO();
        draft.partyId = party;
        draft.summary = summary;
        draft.reason = reason;
        return draft;
    }

    private static AgentDTO agent(String id) {
        AgentDTO agent = new AgentDTO();
        agent.id = id;
        agent.login = "agent" + id;
        agent.displayName = "Agent " + id;
        return agent;
    }

    private static PartyDTO party(String id) {
        PartyDTO party = new PartyDTO();
        party.id = id;
        party.classifications.add("CUSTOMER");
        return party;
    }

    private String partyInUnit() {
        long unit = keys.incrementAndGet();
        long party = keys.incrementAndGet();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insertUnit = connection.prepareStatement("INSERT INTO org_unit (id, version, code, name) VALUES (?, 1, ?, ?)");
                PreparedStatement insertParty = connection.prepareStatement("INSERT INTO party (id, version, party_type, status,"
                        + " org_unit_id, created_at, updated_at) VALUES (?, 1, 'ORGANIZATION', 'ACTIVE', ?, ?, ?)")) {
            insertUnit.setLong(1, unit);
            insertUnit.setString(2, "unit-" + unit);
            insertUnit.setString(3, "Unit " + unit);
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
        scope.partyUnits.put(String.valueOf(party), String.valueOf(unit));
        return String.valueOf(party);
    }

    private static ServiceConfig config() {
        return new ServiceConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ServiceConfig.class;
            }

            @Override
            public int sweepSeconds() {
                return 3600;
            }

            @Override
            public int batchSize() {
                return 100;
            }

            @Override
            public boolean testClockEnabled() {
                return true;
            }

            @Override
            public int reopenDays() {
                return 30;
            }

            @Override
            public int mailMaxAttempts() {
                return 3;
            }

            @Override
            public int mailRetryMinutes() {
                return 1;
            }

            @Override
            public int slaActionLeaseSeconds() {
                return 300;
            }
        };
    }

    /** Record scope by the party's org unit, as the core's: everything when no perimeter is set. */
    static final class Scope implements RecordScope {
        final Map<String, String> partyUnits = new ConcurrentHashMap<>();
        volatile Set<String> perimeter;

        @Override
        public Optional<Set<String>> visibleOrgUnitIds() {
            return Optional.ofNullable(perimeter);
        }

        @Override
        public boolean canAccessOrgUnit(String orgUnitId) {
            return perimeter == null || perimeter.contains(orgUnitId);
        }

        @Override
        public boolean canAccessParty(String partyId) {
            return partyUnits.containsKey(partyId) && canAccessOrgUnit(partyUnits.get(partyId));
        }

        @Override
        public Optional<String> defaultOrgUnitId() {
            return Optional.empty();
        }
    }
}
