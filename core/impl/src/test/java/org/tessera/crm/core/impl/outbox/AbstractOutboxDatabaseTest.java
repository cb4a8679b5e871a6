package org.tessera.crm.core.impl.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.event.ChangeDTO;
import org.tessera.crm.core.api.event.ChangeFeed;
import org.tessera.crm.core.api.event.ChangePage;
import org.tessera.crm.core.api.event.ChangeQuery;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.event.CursorExpiredException;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RoleService;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.imports.PartyImporter;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.party.PartyServiceImpl;
import org.tessera.crm.core.impl.security.FixedRoles;
import org.tessera.crm.core.impl.security.OrgTreeRecordScope;
import org.tessera.crm.core.impl.security.ThreadLocalCallerContext;
import org.tessera.crm.core.impl.testing.SystemUnlessBoundCallers;
import org.tessera.crm.core.impl.validation.ValidationServiceImpl;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The outbox and the change feed on a real database: events share the fate of their transaction,
 * the dispatcher gives positions in commit order without skipping a late commit, a stopped
 * dispatcher loses nothing, and the purge moves the feed's horizon.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractOutboxDatabaseTest {
    private TestDatabase database;
    private DataSource dataSource;
    private EmfTx tx;
    private final ThreadLocalCallerContext callers = new SystemUnlessBoundCallers();
    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private OutboxDomainEvents events;
    private OutboxDispatcher dispatcher;
    private ChangeFeedImpl feed;
    private PartyServiceImpl parties;
    private OrgTreeRecordScope scope;

    protected abstract TestDatabase startDatabase() throws Exception;

    /** Whether a reader of uncommitted rows waits for their commit (Derby's row locks) rather than skipping them. */
    protected abstract boolean passWaitsForUncommittedRows();

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrateCore();
        dataSource = database.dataSource();
        tx = new EmfTx(CoreUnit.NAME, dataSource);
        events = new OutboxDomainEvents(callers, tx);
        scope = new OrgTreeRecordScope(tx, callers);
        parties = new PartyServiceImpl(tx, new ValidationServiceImpl(), events, callers, scope, new AuditTrail(callers));
        feed = new ChangeFeedImpl(tx, callers, scope, roles(Map.of("core", CorePermissions.ALL)));
    }

    @BeforeEach
    void freshDispatcher() {
        posted.clear();
        dispatcher = new OutboxDispatcher(tx, recordingEventAdmin(), 50, 20, 7, Duration.ofHours(1));
        events.setDispatcher(dispatcher);
        feed.setDispatcher(dispatcher);
        drain();
        posted.clear();
    }

    @AfterEach
    void stopDispatcher() {
        dispatcher.stop();
    }

    @AfterAll
    void stop() throws Exception {
        tx.close();
        database.close();
    }

    @Test
    void anEventCommitsWithItsChangeAndIsPostedWithItsTypes() {
        PartyDTO created = parties.create(person("Outbox"));
        assertEquals(1, undispatched());
        drain();
        Event event = posted.stream().filter(e -> created.id.equals(e.getProperty(CoreEvents.ID))).findFirst().orElseThrow();
        assertEquals(CoreEvents.PARTY_CREATED, event.getTopic());
        assertEquals(EntityTypes.PARTY, event.getProperty(CoreEvents.ENTITY_TYPE));
        assertEquals(created.version, event.getProperty(CoreEvents.VERSION));
        assertEquals(Caller.SYSTEM_LOGIN, event.getProperty(CoreEvents.USER));

        PartyDTO change = person("Outbox");
        change.jobTitle = "Buyer";
        PartyDTO updated = parties.update(created.id, created.version, change);
        drain();
        Event update = posted.get(posted.size() - 1);
        assertEquals(CoreEvents.PARTY_UPDATED, update.getTopic());
        assertEquals(updated.version, update.getProperty(CoreEvents.VERSION));
        assertArrayEquals(new String[] {"jobTitle"}, (String[]) update.getProperty(CoreEvents.CHANGED_FIELDS));
    }

    @Test
    void anImportRecordsOneEventPerWrittenRowInItsChunks() {
        String start = feed.read(query(ChangeFeed.NOW)).next;
        PartyImporter importer = new PartyImporter(tx, new ValidationServiceImpl(), events, callers, scope, new AuditTrail(callers));
        String source = unique("src");
        List<ImportRow<PartyDTO>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PartyDTO party = person("Imported" + i);
            party.externalIds = Map.of(source, "E" + i);
            rows.add(ImportRow.of(i + 1, party));
        }
        PartyDTO invalid = new PartyDTO();
        invalid.type = PartyType.ORGANIZATION; // without its legal name
        invalid.externalIds = Map.of(source, "E9");
        rows.add(ImportRow.of(4, invalid));
        ImportReport report = importer.importParties(rows.iterator());
        assertEquals(3, report.created);
        assertEquals(1, report.rejected);
        assertEquals(3, undispatched(), "one event per created row, none for the rejected one");
        drain();
        List<ChangeDTO> changes = readAll(start).items;
        assertEquals(3, changes.size());
        assertTrue(changes.stream().allMatch(change -> change.action.equals("CREATED") && change.type.equals(ChangeFeed.PARTY)));
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        assertThrows(IllegalStateException.class, () -> tx.required(em -> {
            events.record(em.unwrap(Connection.class), CoreEvents.PARTY_CREATED, EventProperties.of(EntityTypes.PARTY, "1", 1L));
            throw new IllegalStateException("the change fails after its event was recorded");
        }));
        assertEquals(0, undispatched());
        assertEquals(0, dispatcher.dispatchOnce());
        assertTrue(posted.isEmpty());
    }

    @Test
    void aLateCommitGetsALaterPositionAndIsNeverSkipped() throws Exception {
        String late = unique("late");
        String early = unique("early");
        ChangePage before = feed.read(query(ChangeFeed.NOW));
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            events.record(slow, CoreEvents.PARTY_UPDATED, EventProperties.of(EntityTypes.PARTY, late, 2L)); // the smaller id
            events.record(fast, CoreEvents.PARTY_UPDATED, EventProperties.of(EntityTypes.PARTY, early, 2L));
            fast.commit();
            if (passWaitsForUncommittedRows()) {
                // Derby: the pass waits on the uncommitted row's lock; the late commit releases it
                Thread pass = new Thread(dispatcher::dispatchOnce, "outbox-pass");
                pass.start();
                awaitParked(pass);
                slow.commit();
                pass.join(TimeUnit.SECONDS.toMillis(30));
                assertTrue(!pass.isAlive(), "the pass ended once the late row committed");
            } else {
                // PostgreSQL: the pass does not see the uncommitted row and positions the early one alone
                dispatcher.dispatchOnce();
                slow.commit();
            }
        }
        List<ChangeDTO> seen = new ArrayList<>(readAll(before.next).items);
        String cursor = seen.isEmpty() ? before.next : seen.get(seen.size() - 1).cursor;
        drain();
        seen.addAll(readAll(cursor).items);
        List<String> ids = seen.stream().map(change -> change.recordId).toList();
        // each once; PostgreSQL positions the early commit first, Derby's pass waited for the late one and keeps id order
        List<String> expected = passWaitsForUncommittedRows() ? List.of(late, early) : List.of(early, late);
        assertEquals(expected, ids.stream().filter(id -> id.equals(early) || id.equals(late)).toList(), ids.toString());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).position > seen.get(i - 1).position);
        }
    }

    @Test
    void aStoppedDispatcherLosesNothingAndDeliversEachEventOnceWhenStarted() throws Exception {
        dispatcher.start();
        String record = unique("crash");
        for (long version = 1; version <= 3; version++) {
            post(record, version);
        }
        awaitPosted(record, 3);
        dispatcher.stop(); // the node dies between the commits and their publication (stop joins its thread)
        for (long version = 4; version <= 8; version++) {
            post(record, version);
        }
        assertEquals(3, postedFor(record).size());
        assertEquals(5, undispatched());
        dispatcher.start();
        awaitPosted(record, 8);
        dispatcher.stop(); // nothing posts after this: a duplicate would be in the list now
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), postedFor(record).stream()
                .map(e -> (Long) e.getProperty(CoreEvents.VERSION)).toList(), "each once, in the record's order");
        assertEquals(0, undispatched());
    }

    @Test
    void theFeedPagesInOrderAndResumesFromItsNextCursor() {
        String start = feed.read(query(ChangeFeed.NOW)).next;
        String record = unique("page");
        for (long version = 1; version <= 5; version++) {
            post(record, version);
        }
        drain();
        ChangeQuery first = query(start);
        first.limit = 2;
        ChangePage page = feed.read(first);
        assertEquals(List.of(1L, 2L), page.items.stream().map(change -> change.version).toList());
        ChangeQuery rest = query(page.next);
        ChangePage second = feed.read(rest);
        assertEquals(List.of(3L, 4L, 5L), second.items.stream().map(change -> change.version).toList());
        ChangePage empty = feed.read(query(second.next));
        assertTrue(empty.items.isEmpty());
        assertEquals(second.next, empty.next, "an empty page resumes where it is");
    }

    @Test
    void theFeedLeavesOutTypesTheCallerMayNotRead() {
        String start = feed.read(query(ChangeFeed.NOW)).next;
        String record = unique("perm");
        post(record, 1L);
        events.post(CoreEvents.ACTIVITY_CREATED, EventProperties.of(EntityTypes.ACTIVITY, record, 1L));
        drain();
        callers.bind(new Caller("reader", Set.of("r"), Set.of(CorePermissions.CHANGES_READ, CorePermissions.ACTIVITY_READ,
                CorePermissions.ALL_RECORDS), null));
        try {
            List<String> types = feed.read(query(start)).items.stream().map(change -> change.type).distinct().toList();
            assertEquals(List.of(ChangeFeed.ACTIVITY), types);
            ChangeQuery parties = query(start);
            parties.types = Set.of(ChangeFeed.PARTY);
            assertTrue(feed.read(parties).items.isEmpty());
            ChangeQuery unknown = query(start);
            unknown.types = Set.of("nosuch.thing");
            ValidationException refused = assertThrows(ValidationException.class, () -> feed.read(unknown));
            assertEquals("types", refused.errors().get(0).field);
        } finally {
            callers.unbind();
        }
    }

    @Test
    void theWaitReturnsAsSoonAsAChangeIsPublished() throws Exception {
        dispatcher.start();
        ChangeQuery waiting = query(feed.read(query(ChangeFeed.NOW)).next);
        waiting.waitSeconds = 20;
        CompletableFuture<ChangePage> page = new CompletableFuture<>();
        Thread reader = new Thread(() -> page.complete(callers.callAsSystem(() -> feed.read(waiting))), "feed-reader");
        reader.start();
        awaitParked(reader);
        assertTrue(!page.isDone(), "an empty page is held");
        String record = unique("wait");
        post(record, 1L);
        ChangePage woken = page.get(10, TimeUnit.SECONDS);
        assertEquals(record, woken.items.get(0).recordId);
    }

    @Test
    void thePurgeDropsOldChangesAndAnOlderCursorIsGone() throws SQLException {
        String start = feed.read(query(ChangeFeed.NOW)).next;
        String record = unique("old");
        for (long version = 1; version <= 4; version++) {
            post(record, version);
        }
        drain();
        List<ChangeDTO> changes = feed.read(query(start)).items;
        long oldPosition = changes.get(1).position;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement age = connection.prepareStatement(
                        "UPDATE event_outbox SET dispatched_at = ? WHERE feed_position <= ?")) {
            age.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(8))));
            age.setLong(2, oldPosition);
            age.executeUpdate();
        }
        assertTrue(dispatcher.purge(Instant.now()) >= 2);
        assertEquals(0, dispatcher.purge(Instant.now()), "nothing younger than the retention goes");
        assertThrows(CursorExpiredException.class, () -> feed.read(query(start)));
        ChangePage kept = feed.read(query(changes.get(1).cursor));
        assertEquals(List.of(3L, 4L), kept.items.stream().map(change -> change.version).toList());
        ChangePage oldest = feed.read(query(null));
        assertEquals(changes.get(2).position, oldest.items.get(0).position, "without since, the oldest change kept");
    }

    @Test
    void eachNodePostsTheEventsOthersDispatchedOnceMarkedAsCopiesAndNeverItsOwnTwice() {
        String before = unique("Before");
        post(before, 1);
        drain();
        dispatcher.follow(); // node A notes where the feed stands
        List<Event> postedOnB = new CopyOnWriteArrayList<>();
        OutboxDispatcher nodeB = new OutboxDispatcher(tx, recordingEventAdmin(postedOnB), 50, 20, 7, Duration.ofHours(1));
        assertEquals(0, nodeB.follow(), "a node starting notes the head: what came before it is not posted there");

        String onA = unique("OnA");
        post(onA, 1);
        drain();
        String onB = unique("OnB");
        post(onB, 1);
        while (nodeB.dispatchOnce() > 0) {
            // B dispatches this one
        }
        nodeB.follow();
        dispatcher.follow();
        assertEquals(0, nodeB.follow() + dispatcher.follow(), "nothing is posted twice");

        assertEquals(List.of(false), replicaFlags(posted, onA), "A dispatched it: posted once on A, as the original");
        assertEquals(List.of(true), replicaFlags(postedOnB, onA), "and once on B, as a copy");
        assertEquals(List.of(false), replicaFlags(postedOnB, onB));
        assertEquals(List.of(true), replicaFlags(posted, onB));
        assertEquals(List.of(), replicaFlags(postedOnB, before));
    }

    @Test
    void aNodeAloneDoesNotReadItsOwnEventsBack() {
        dispatcher.follow(); // notes where the feed stands
        String mine = unique("Mine");
        for (long version = 1; version <= 3; version++) {
            post(mine, version);
        }
        drain();
        assertEquals(0, dispatcher.follow(), "its own events come right after the last one followed: nothing to read");
        assertEquals(List.of(false, false, false), replicaFlags(posted, mine), "each posted once, as the original");
        String other = unique("Other");
        OutboxDispatcher nodeB = new OutboxDispatcher(tx, recordingEventAdmin(new CopyOnWriteArrayList<>()), 50, 20, 7, Duration.ofHours(1));
        post(other, 1);
        while (nodeB.dispatchOnce() > 0) {
            // B dispatches it
        }
        assertEquals(1, dispatcher.follow(), "another node's event is still read");
        assertEquals(List.of(true), replicaFlags(posted, other));
    }

    private static List<Boolean> replicaFlags(List<Event> events, String record) {
        return events.stream().filter(e -> record.equals(e.getProperty(CoreEvents.ID)))
                .map(e -> Boolean.TRUE.equals(e.getProperty(CoreEvents.REPLICA))).toList();
    }

    protected void post(String record, long version) {
        tx.required(em -> {
            events.record(em.unwrap(Connection.class), CoreEvents.PARTY_UPDATED, EventProperties.of(EntityTypes.PARTY, record, version));
            return null;
        });
    }

    private ChangePage readAll(String since) {
        ChangeQuery query = query(since);
        query.limit = 1000;
        return feed.read(query);
    }

    private static ChangeQuery query(String since) {
        ChangeQuery query = new ChangeQuery();
        query.since = since;
        return query;
    }

    protected void drain() {
        while (dispatcher.dispatchOnce() > 0) {
            // until nothing waits
        }
    }

    private List<Event> postedFor(String record) {
        return posted.stream().filter(e -> record.equals(e.getProperty(CoreEvents.ID))).toList();
    }

    /** Until Event Admin was given {@code count} events of the record: woken by each post, never polled. */
    private void awaitPosted(String record, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (posted) {
            while (postedFor(record).size() < count && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(posted, deadline - System.nanoTime());
            }
        }
        assertEquals(count, postedFor(record).size());
    }

    /** Until {@code thread} waits (on a lock, a monitor or a timed wait): it got as far as it can alone. */
    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Thread.State state = thread.getState();
        while (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING && state != Thread.State.BLOCKED) {
            assertTrue(System.nanoTime() < deadline && state != Thread.State.TERMINATED, thread.getName() + " never waited: " + state);
            Thread.onSpinWait();
            state = thread.getState();
        }
    }

    protected DataSource dataSource() {
        return dataSource;
    }

    private int undispatched() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM event_outbox WHERE feed_position IS NULL");
                ResultSet row = count.executeQuery()) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String stem) {
        return stem + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static PartyDTO person(String last) {
        PartyDTO party = new PartyDTO();
        party.type = PartyType.PERSON;
        party.firstName = "Ada";
        party.lastName = last;
        return party;
    }

    private EventAdmin recordingEventAdmin() {
        return recordingEventAdmin(posted);
    }

    private static EventAdmin recordingEventAdmin(List<Event> posted) {
        return new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                record(event);
            }

            @Override
            public void sendEvent(Event event) {
                record(event);
            }

            private void record(Event event) {
                synchronized (posted) {
                    posted.add(event);
                    posted.notifyAll();
                }
            }
        };
    }

    private static RoleService roles(Map<String, Set<String>> declared) {
        return new FixedRoles(declared, Map.of());
    }
}
