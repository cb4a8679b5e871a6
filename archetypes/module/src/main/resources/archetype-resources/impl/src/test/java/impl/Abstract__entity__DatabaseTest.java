package ${package}.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.TestAudit;
import org.tessera.crm.core.testkit.TestEvents;
import org.tessera.crm.core.testkit.TestCallerContext;
import org.tessera.crm.core.testkit.TestDatabase;
import ${package}.api.${entity}DTO;
import ${package}.api.${entity}Query;
import ${package}.api.${entity}Service;

/**
 * The module's persistence outside OSGi, on each supported database (the test kit's): the real
 * persistence unit and changelog after the core's, the kit's transaction helper as the server runs
 * it, the core's audit recorder; record scope and events are stand-ins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Abstract${entity}DatabaseTest {
    /** The bundle's Tessera-Changelog header (the tessera.changelog property of the pom). */
    static final String CHANGELOG = "${packageInPathFormat}/impl/db/changelog.xml";

    private final TestCallerContext callers = new TestCallerContext();
    private final TestScope scope = new TestScope();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicLong keys = new AtomicLong(900_000);
    private TestDatabase database;
    private DataSource dataSource;
    private EmfTx tx;
    private ${entity}ServiceImpl service;
    private ${entity}TimelineContributor timeline;
    private ${entity}OverviewContributor overview;
    private ${entity}SearchContributor search;

    /** A new, empty database. */
    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrate(${entity}Service.MODULE, CHANGELOG); // the core's schema first, as the server runs them
        dataSource = database.dataSource();
        tx = new EmfTx(${Module}Unit.NAME, dataSource);
        service = new ${entity}ServiceImpl(tx, scope, (type, candidate, previous) -> { },
                TestEvents.observed(TestEvents.outbox(callers, tx), (topic, properties) -> events.add(topic + " " + properties.get(CoreEvents.ID))),
                TestAudit.coreRecorder(callers), java.time.Clock.systemUTC());
        timeline = new ${entity}TimelineContributor(tx, scope);
        overview = new ${entity}OverviewContributor(tx, scope);
        search = new ${entity}SearchContributor(tx, scope);
    }

    @AfterAll
    void stop() throws Exception {
        if (tx != null) {
            tx.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void migrationsAreIdempotent() {
        assertEquals("${module}-001-${collection}", database.migrate(${entity}Service.MODULE, CHANGELOG));
    }

    @Test
    void aWrittenRecordIsReadPatchedListedAuditedAndAnnounced() throws SQLException {
        String party = partyInUnit();
        callers.bind(new Caller("agent", Set.of("agent"), Set.of(), null)); // as the REST layer binds it
        ${entity}DTO created;
        ${entity}DTO updated;
        try {
            created = service.create(draft(party, "  First  "));
            assertEquals("First", created.name);
            assertEquals(1, created.version);
            assertEquals(created.createdAt, service.get(created.id).createdAt, "a read gives back what the write returned");

            ${entity}DTO changed = service.get(created.id);
            changed.description = "More";
            updated = service.update(created.id, created.version, changed);
            assertEquals(2, updated.version);
            assertEquals(updated.version, service.update(created.id, null, service.get(created.id)).version, "no change, no new version");
            assertThrows(StaleVersionException.class, () -> service.update(created.id, created.version, changed));
        } finally {
            callers.unbind();
        }
        ${entity}Query query = new ${entity}Query();
        query.partyId = party;
        assertEquals(List.of(created.id), service.list(query).items.stream().map(c -> c.id).toList());
        assertEquals(List.of("CREATE agent", "UPDATE agent"), auditOf(created.id));
        assertEquals(List.of(${entity}Service.TOPIC_CREATED + " " + created.id, ${entity}Service.TOPIC_UPDATED + " " + created.id),
                events.stream().filter(e -> e.endsWith(" " + created.id)).toList());

        service.delete(created.id, updated.version);
        assertThrows(NotFoundException.class, () -> service.get(created.id));
        assertEquals(List.of("CREATE agent", "UPDATE agent", "DELETE system"), auditOf(created.id));
    }

    @Test
    void everyRejectedFieldIsNamed() {
        ${entity}DTO draft = draft(null, "x".repeat(${entity}Rules.NAME_LENGTH + 1));
        ValidationException rejected = assertThrows(ValidationException.class, () -> service.create(draft));
        assertEquals(List.of("name", "partyId"), rejected.errors().stream().map(e -> e.field).sorted().toList());
        ValidationException unknownParty = assertThrows(ValidationException.class, () -> service.create(draft("424242", "Orphan")));
        assertEquals("partyId", unknownParty.errors().get(0).field);
    }

    @Test
    void recordsOfPartiesOutsideTheCallersScopeDoNotExistForThem() {
        String hidden = service.create(draft(partyInUnit(), "Hidden")).id;
        String visibleParty = partyInUnit();
        String visible = service.create(draft(visibleParty, "Visible")).id;
        scope.perimeter = Set.of(scope.partyUnits.get(visibleParty));
        try {
            assertThrows(NotFoundException.class, () -> service.get(hidden));
            ${entity}Query firstOfAll = new ${entity}Query();
            firstOfAll.limit = 1;
            Page<${entity}DTO> page = service.list(firstOfAll);
            // the scope is in the query: a page of one holds the visible record, and no cursor to a hidden one
            assertEquals(List.of(visible), page.items.stream().map(c -> c.id).toList());
            assertNull(page.nextCursor);
        } finally {
            scope.perimeter = null;
        }
    }

    @Test
    void pagesFollowTheirCursor() {
        String party = partyInUnit();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(service.create(draft(party, "Record " + i)).id);
        }
        ${entity}Query query = new ${entity}Query();
        query.partyId = party;
        query.limit = 2;
        Page<${entity}DTO> first = service.list(query);
        assertNotNull(first.nextCursor);
        query.cursor = first.nextCursor;
        List<String> read = new ArrayList<>(first.items.stream().map(c -> c.id).toList());
        read.addAll(service.list(query).items.stream().map(c -> c.id).toList());
        assertEquals(written, read);
    }

    @Test
    void aPartyWithRecordsIsNotDeletedFromUnderThem() {
        String party = partyInUnit();
        String first = service.create(draft(party, "Kept")).id;
        ${entity}DependentRecords dependents = new ${entity}DependentRecords(tx);
        List<DependentRecordsDTO> found = dependents.dependentsOf("PARTY", party);
        assertEquals(1, found.size());
        assertEquals(1, found.get(0).count);
        assertEquals(List.of(first), found.get(0).ids);
        assertEquals(${entity}Service.ENTITY_TYPE, found.get(0).type);
        assertEquals(List.of(), dependents.dependentsOf("PARTY", partyInUnit()), "a party without records");
    }

    @Test
    void aPartysRecordsAreInItsTimelineAndOverview() {
        String party = partyInUnit();
        String first = service.create(draft(party, "First")).id;
        String second = service.create(draft(party, "Second")).id;
        TimelineQuery query = new TimelineQuery();
        query.partyId = party;
        List<TimelineEntryDTO> entries = timeline.entries(query);
        assertEquals(Set.of(${entity}Service.link(first), ${entity}Service.link(second)), Set.copyOf(entries.stream().map(e -> e.id).toList()));

        OverviewSectionDTO section = overview.contribute(party);
        assertEquals(2, section.figures.get(0).value.intValue());
        assertEquals(List.of(${entity}Service.link(second), ${entity}Service.link(first)), section.items.stream().map(i -> i.id).toList(),
                "newest first");
    }

    @Test
    void recordsAreFoundByThePrefixesOfTheirNameWithinTheCallersScope() {
        String visibleParty = partyInUnit();
        String word = "w" + keys.incrementAndGet();
        String found = service.create(draft(visibleParty, "Réparation " + word)).id;
        String hidden = service.create(draft(partyInUnit(), "Réparation " + word)).id;
        assertEquals(List.of(hidden, found), hits("repa " + word), "accents and case ignored, newest first");
        scope.perimeter = Set.of(scope.partyUnits.get(visibleParty));
        try {
            assertEquals(List.of(found), hits("REPA " + word));
        } finally {
            scope.perimeter = null;
        }
        assertEquals(List.of(), hits("paration " + word), "prefixes of words only");
    }

    private List<String> hits(String q) {
        return search.search(new SearchQuery(q, SearchKeys.tokens(q), 10)).stream().map(hit -> hit.id).toList();
    }

    private static ${entity}DTO draft(String partyId, String name) {
        ${entity}DTO draft = new ${entity}DTO();
        draft.partyId = partyId;
        draft.name = name;
        return draft;
    }

    /** A row of the core's party table in a new org unit of its own: what record scope filters on. */
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
        scope.partyUnits.put(Long.toString(party), Long.toString(unit));
        return Long.toString(party);
    }

    /** The audit records of a record, oldest first, as "ACTION login". */
    private List<String> auditOf(String id) {
        List<String> records = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT action, user_login FROM audit_record WHERE entity_type = ? AND entity_id = ? ORDER BY id")) {
            query.setString(1, ${entity}Service.ENTITY_TYPE);
            query.setString(2, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    records.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return records;
    }

    /** The caller's record scope: unrestricted, or the org units of {@link #perimeter}. */
    static final class TestScope implements RecordScope {
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
