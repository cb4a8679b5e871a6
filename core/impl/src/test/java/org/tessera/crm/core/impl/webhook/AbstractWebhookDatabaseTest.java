package org.tessera.crm.core.impl.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.RoleService;
import org.tessera.crm.core.api.webhook.WebhookDTO;
import org.tessera.crm.core.api.webhook.WebhookDeliveryDTO;
import org.tessera.crm.core.api.webhook.WebhookEvents;
import org.tessera.crm.core.api.webhook.WebhookFilterDTO;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.outbox.OutboxDispatcher;
import org.tessera.crm.core.impl.outbox.OutboxDomainEvents;
import org.tessera.crm.core.impl.party.PartyServiceImpl;
import org.tessera.crm.core.impl.security.FixedRoles;
import org.tessera.crm.core.impl.security.OrgTreeRecordScope;
import org.tessera.crm.core.impl.security.ThreadLocalCallerContext;
import org.tessera.crm.core.impl.testing.SystemUnlessBoundCallers;
import org.tessera.crm.core.impl.validation.ValidationServiceImpl;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * Webhook deliveries on a real database: the fan-out of dispatched changes to the matching
 * subscriptions, once; claims that exclude each other and expire after a crash; retries at the
 * backoff's due time, then the dead letter; replay of a dead letter and of a time range; a
 * subscription disabled after failures in a row, with its event in the outbox. The clock and the
 * receiver are the test's, so nothing waits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractWebhookDatabaseTest {
    private static final Duration CLAIM = Duration.ofSeconds(60);
    private TestDatabase database;
    private EmfTx tx;
    private final ThreadLocalCallerContext callers = new SystemUnlessBoundCallers();
    private OutboxDomainEvents events;
    private OutboxDispatcher dispatcher;
    private PartyServiceImpl parties;
    private WebhookServiceImpl webhooks;
    private final AtomicReference<Instant> clock = new AtomicReference<>();
    /** What the scripted receiver answers next: a status, or null for a connection failure. */
    private final List<Integer> answers = new ArrayList<>();
    private final List<Claimed> sent = new ArrayList<>();

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrateCore();
        tx = new EmfTx(CoreUnit.NAME, database.dataSource());
        events = new OutboxDomainEvents(callers, tx);
        OrgTreeRecordScope scope = new OrgTreeRecordScope(tx, callers);
        AuditTrail audit = new AuditTrail(callers);
        parties = new PartyServiceImpl(tx, new ValidationServiceImpl(), events, callers, scope, audit);
        dispatcher = new OutboxDispatcher(tx, null, 50, 20, 7, Duration.ofHours(1));
        webhooks = new WebhookServiceImpl(tx, callers, roles(), audit, new TargetAddresses(true, false, java.net.InetAddress::getAllByName));
    }

    @BeforeEach
    void noSubscriptionsAndAnUpToDateFanOut() {
        webhooks.list().forEach(sub -> webhooks.delete(sub.id, null));
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        answers.clear();
        sent.clear();
        drainOutbox();
        WebhookWorker worker = worker(3, 5);
        while (worker.fanOutOnce() > 0) {
            // to the head
        }
    }

    @AfterAll
    void stop() throws Exception {
        tx.close();
        database.close();
    }

    @Test
    void aChangeIsFannedOutOnceToEachMatchingEnabledSubscription() {
        WebhookDTO parties1 = webhooks.create(subscription(List.of("party"), null));
        WebhookDTO activities = webhooks.create(subscription(List.of("activity"), null));
        WebhookDTO off = subscription(List.of("party"), null);
        off.enabled = false;
        WebhookDTO disabled = webhooks.create(off);
        WebhookFilterDTO onlyDeletes = new WebhookFilterDTO();
        onlyDeletes.actions = List.of("DELETED");
        WebhookDTO deletes = webhooks.create(subscription(List.of("party"), onlyDeletes));
        assertNull(parties1.secret, "the secret is never returned");
        assertNull(webhooks.find(parties1.id).orElseThrow().secret);

        PartyDTO created = parties.create(person());
        drainOutbox();
        WebhookWorker worker = worker(3, 5);
        worker.fanOutOnce();
        worker.fanOutOnce();

        List<WebhookDeliveryDTO> delivered = webhooks.deliveries(parties1.id, null, null, 50);
        assertEquals(1, delivered.size(), "fanned out once, however often the fan-out runs");
        WebhookDeliveryDTO delivery = delivered.get(0);
        assertEquals("PENDING", delivery.state);
        assertEquals("party", delivery.type);
        assertEquals("CREATED", delivery.action);
        assertEquals(created.id, delivery.recordId);
        assertEquals(outboxId(created.id), Long.parseLong(delivery.eventId));
        assertTrue(webhooks.deliveries(activities.id, null, null, 50).isEmpty());
        assertTrue(webhooks.deliveries(disabled.id, null, null, 50).isEmpty());
        assertTrue(webhooks.deliveries(deletes.id, null, null, 50).isEmpty(), "filtered out");

        assertEquals(1, worker.deliverOnce());
        Claimed posted = sent.get(0);
        assertTrue(posted.payload().contains("\"recordId\":\"" + created.id + "\""), posted.payload());
        assertTrue(posted.payload().contains("\"eventId\":\"" + delivery.eventId + "\""), posted.payload());
        assertEquals("DELIVERED", webhooks.deliveries(parties1.id, null, null, 50).get(0).state);
        assertEquals(200, webhooks.deliveries(parties1.id, null, null, 50).get(0).lastStatus);
    }

    @Test
    void aFailedDeliveryIsRetriedAtItsBackoffThenDeadLetteredAndReplayed() {
        WebhookDTO sub = webhooks.create(subscription(List.of("party"), null));
        parties.create(person());
        drainOutbox();
        WebhookWorker worker = worker(3, 50);
        worker.fanOutOnce();
        answers.addAll(List.of(500, 503));
        answers.add(null);

        assertEquals(1, worker.deliverOnce());
        WebhookDeliveryDTO first = only(sub.id);
        assertEquals("PENDING", first.state);
        assertEquals(1, first.attempts);
        assertEquals(500, first.lastStatus);
        long wait = Duration.between(clock.get(), first.nextAttemptAt).toMillis();
        assertTrue(wait >= 500 && wait <= 1_000, "the first retry waits half to all of the base: " + wait);
        assertEquals(0, worker.deliverOnce(), "not due yet");

        clock.set(first.nextAttemptAt);
        assertEquals(1, worker.deliverOnce());
        WebhookDeliveryDTO second = only(sub.id);
        assertEquals(2, second.attempts);
        assertEquals(503, second.lastStatus);
        long secondWait = Duration.between(clock.get(), second.nextAttemptAt).toMillis();
        assertTrue(secondWait >= 1_000 && secondWait <= 2_000, "the step doubled: " + secondWait);

        clock.set(second.nextAttemptAt);
        assertEquals(1, worker.deliverOnce());
        WebhookDeliveryDTO dead = only(sub.id);
        assertEquals("DEAD", dead.state);
        assertEquals(3, dead.attempts);
        assertNull(dead.lastStatus, "no answer");
        assertTrue(dead.lastError.contains("refused"), dead.lastError);
        clock.set(clock.get().plus(Duration.ofDays(1)));
        assertEquals(0, worker.deliverOnce(), "a dead letter stays dead");
        assertEquals(1, webhooks.deliveries(sub.id, "DEAD", null, 50).size());

        WebhookDeliveryDTO replayed = webhooks.replay(sub.id, dead.id);
        assertEquals("PENDING", replayed.state);
        assertEquals(0, replayed.attempts);
        assertThrows(ValidationException.class, () -> webhooks.replay(sub.id, dead.id), "a pending one is not replayed");
        clock.set(Instant.now().plusSeconds(1));
        assertEquals(1, worker.deliverOnce());
        assertEquals("DELIVERED", only(sub.id).state);
        assertEquals(Set.of(dead.eventId), Set.copyOf(sent.stream().map(c -> String.valueOf(c.eventId())).toList()),
                "every attempt carries the same event id");
    }

    @Test
    void aClaimExcludesOtherWorkersUntilItRunsOut() {
        WebhookDTO sub = webhooks.create(subscription(List.of("party"), null));
        parties.create(person());
        drainOutbox();
        worker(3, 5).fanOutOnce();
        Instant now = clock.get();
        assertEquals(1, claim(now).size());
        assertEquals(0, claim(now.plusSeconds(1)).size(), "claimed by the first worker");
        assertEquals("DELIVERING", only(sub.id).state);
        List<Claimed> taken = claim(now.plus(CLAIM).plusSeconds(1));
        assertEquals(1, taken.size(), "the first worker crashed: its claim ran out");
        tx.required(em -> WebhookServiceImpl.sql(() -> new DeliveryTable(em.unwrap(Connection.class))
                .attempted(taken.get(0).id(), 204, null, now, null)));
        assertEquals("DELIVERED", only(sub.id).state);
        boolean late = tx.required(em -> WebhookServiceImpl.sql(() -> new DeliveryTable(em.unwrap(Connection.class))
                .attempted(taken.get(0).id(), 500, "late", now, null)));
        assertFalse(late, "a late outcome of a lost claim changes nothing");
        assertEquals("DELIVERED", only(sub.id).state);
    }

    @Test
    void aSubscriptionFailingTooOftenInARowIsDisabledWithAnEvent() {
        WebhookDTO sub = webhooks.create(subscription(List.of("party"), null));
        for (int i = 0; i < 3; i++) {
            parties.create(person());
        }
        drainOutbox();
        WebhookWorker worker = worker(1, 2);
        worker.fanOutOnce();
        answers.addAll(List.of(500, 200, 500, 500));
        worker.deliverOnce();
        WebhookDTO stored = webhooks.find(sub.id).orElseThrow();
        assertTrue(stored.enabled, "a success came between the failures: " + stored.consecutiveFailures);
        assertEquals(1, stored.consecutiveFailures);
        assertEquals(0, countDisabledEvents(sub.id), "no event yet");

        parties.create(person());
        drainOutbox();
        worker.fanOutOnce();
        worker.deliverOnce();
        WebhookDTO disabled = webhooks.find(sub.id).orElseThrow();
        assertFalse(disabled.enabled);
        assertTrue(disabled.disabledReason.contains("2 deliveries failed in a row"), disabled.disabledReason);
        assertEquals(sub.version + 1, disabled.version);
        assertEquals(1, countDisabledEvents(sub.id), "a domain event in the outbox says so");

        parties.create(person());
        drainOutbox();
        worker.fanOutOnce();
        assertEquals(0, worker.deliverOnce(), "a disabled subscription receives nothing");
        WebhookDTO again = subscription(List.of("party"), null);
        again.secret = null;
        again.enabled = true;
        WebhookDTO enabled = webhooks.update(sub.id, disabled.version, again);
        assertTrue(enabled.enabled);
        assertEquals(0, enabled.consecutiveFailures);
        assertNull(enabled.disabledReason);
        assertThrows(StaleVersionException.class, () -> webhooks.update(sub.id, disabled.version, again));
    }

    @Test
    void aTimeRangeIsReplayedFromTheOutbox() {
        WebhookDTO sub = webhooks.create(subscription(List.of("party"), null));
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        parties.create(person());
        parties.create(person());
        drainOutbox();
        WebhookWorker worker = worker(3, 5);
        worker.fanOutOnce();
        assertEquals(2, worker.deliverOnce());
        assertEquals(2, webhooks.replay(sub.id, from, Instant.now().plusSeconds(1)));
        assertEquals(2, webhooks.deliveries(sub.id, "PENDING", null, 50).size());
        assertEquals(0, webhooks.replay(sub.id, from.minusSeconds(7200), from.minusSeconds(3600)));
        ValidationException backwards = assertThrows(ValidationException.class, () -> webhooks.replay(sub.id, from, from));
        assertEquals("to", backwards.errors().get(0).field);
    }

    @Test
    void aLoopbackTargetIsRefusedUnlessAllowed() {
        WebhookServiceImpl strict = new WebhookServiceImpl(tx, callers, roles(), new AuditTrail(callers),
                new TargetAddresses(false, false, java.net.InetAddress::getAllByName));
        ValidationException refused = assertThrows(ValidationException.class, () -> strict.create(subscription(List.of("party"), null)));
        assertEquals("url", refused.errors().get(0).field);
        WebhookDTO bad = subscription(List.of("nope"), null);
        bad.secret = "short";
        ValidationException invalid = assertThrows(ValidationException.class, () -> webhooks.create(bad));
        assertEquals(Set.of("types", "secret"), Set.copyOf(invalid.errors().stream().map(e -> e.field).toList()));
    }

    private WebhookWorker worker(int maxAttempts, int disableAfter) {
        DeliveryPolicy policy = new DeliveryPolicy(maxAttempts, new Backoff(1_000, 60_000), disableAfter, 50, CLAIM);
        Deliverer receiver = (delivery, now) -> {
            sent.add(delivery);
            Integer status = 200;
            if (!answers.isEmpty()) {
                status = answers.remove(0);
            }
            if (status == null) {
                return new WebhookSender.Outcome(null, "ConnectException: connection refused");
            }
            return new WebhookSender.Outcome(status, status < 300 ? null : "the receiver answered " + status);
        };
        return new WebhookWorker(tx, events, new AuditTrail(callers), receiver, policy, 1_000, clock::get);
    }

    private List<Claimed> claim(Instant now) {
        return tx.required(em -> WebhookServiceImpl.sql(() -> new DeliveryTable(em.unwrap(Connection.class)).claim(50, now, now.plus(CLAIM))));
    }

    private WebhookDeliveryDTO only(String subscription) {
        List<WebhookDeliveryDTO> all = webhooks.deliveries(subscription, null, null, 50);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private void drainOutbox() {
        while (dispatcher.dispatchOnce() > 0) {
            // until nothing waits
        }
    }

    private long outboxId(String record) {
        return query("SELECT id FROM event_outbox WHERE record_id = ? ORDER BY id FETCH FIRST 1 ROWS ONLY", record);
    }

    private long countDisabledEvents(String subscription) {
        return query("SELECT COUNT(*) FROM event_outbox WHERE topic = '" + WebhookEvents.DISABLED + "' AND record_id = ?", subscription);
    }

    private long query(String sql, String parameter) {
        return tx.required(em -> WebhookServiceImpl.sql(() -> {
            try (PreparedStatement s = em.unwrap(Connection.class).prepareStatement(sql)) {
                s.setString(1, parameter);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }));
    }

    private static WebhookDTO subscription(List<String> types, WebhookFilterDTO filter) {
        WebhookDTO sub = new WebhookDTO();
        sub.url = "http://127.0.0.1:18100/hook";
        sub.types = types;
        sub.filter = filter;
        sub.secret = "0123456789abcdef-secret";
        return sub;
    }

    private static PartyDTO person() {
        PartyDTO party = new PartyDTO();
        party.type = PartyType.PERSON;
        party.firstName = "Hook";
        party.lastName = "Receiver" + UUID.randomUUID().toString().substring(0, 8);
        return party;
    }

    private static RoleService roles() {
        return new FixedRoles(Map.of("core", org.tessera.crm.core.api.security.CorePermissions.ALL), Map.of());
    }
}
