package org.tessera.crm.core.impl.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.api.DependentRecordsException;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditQuery;
import org.tessera.crm.core.api.audit.AuditRecordDTO;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.schema.SchemaReady;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.spi.DependentRecordsContributor;
import org.tessera.crm.core.api.spi.Validator;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.impl.timeline.TimelineOrder;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.impl.activity.ActivityTimelineContributor;
import org.tessera.crm.core.impl.audit.AuditChangeList;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.audit.JdbcAuditRecorder;
import org.tessera.crm.core.impl.entity.CustomFieldDefinitionEntity;
import org.tessera.crm.core.impl.imports.PartyImporter;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.impl.timeline.TimelineServiceImpl;
import org.tessera.crm.core.migrations.impl.LiquibaseSchemaMigrations;
import org.tessera.crm.core.testkit.TestDatabase;

/** The same checks against every supported database, outside OSGi, through the real unit and changelog. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractCoreDatabaseTest {
    private CoreServices core;
    private TestDatabase database;
    private DataSource dataSource;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        dataSource = database.dataSource();
        core = new CoreServices(database);
    }

    @AfterAll
    void stop() throws Exception {
        if (core != null) {
            core.close();
        }
        database.close();
    }

    /** A word unique to one test, so tests sharing the database do not see each other's rows. */
    private static String unique(String stem) {
        return stem + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static PartyDTO person(String first, String last) {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.firstName = first;
        p.lastName = last;
        return p;
    }

    private static ContactMechanismDTO mechanism(ContactMechanismType type, String value) {
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.type = type;
        m.value = value;
        return m;
    }

    private List<String> searchIds(PartyQuery query) {
        List<String> ids = new ArrayList<>();
        core.parties.search(query).items.forEach(p -> ids.add(p.id));
        return ids;
    }

    private PartyQuery query(String q) {
        PartyQuery query = new PartyQuery();
        query.q = q;
        return query;
    }

    @Test
    void migrationsApplyTwiceIdempotently() throws SQLException {
        int before = countRows("DATABASECHANGELOG");
        database.migrateCore();
        assertEquals(before, countRows("DATABASECHANGELOG"));
        assertTrue(core.customFields.isActiveValue("activity-outcome", "CALL_BACK"));
        assertEquals("Head office", core.org.findOrgUnitByCode("HQ").orElseThrow().name);
        assertEquals("1", core.org.findAgentByLogin("admin").orElseThrow().id);
    }

    private int countRows(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void createGetUpdateDeletePartyWithChildren() {
        String last = unique("Lifecycle");
        PartyDTO draft = person("Anne", last);
        draft.classifications.add("PROSPECT");
        draft.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "anne@example.com"));
        ContactMechanismDTO address = new ContactMechanismDTO();
        address.type = ContactMechanismType.POSTAL;
        address.line1 = "1 rue de la Paix";
        address.city = "Paris";
        address.country = "FR";
        draft.contactMechanisms.add(address);
        draft.externalIds.put("erp", unique("E"));
        draft.ownerId = "1";
        draft.orgUnitId = "1";
        draft.id = "999999";
        draft.version = 42;

        PartyDTO created = core.parties.create(draft);
        assertNotEquals("999999", created.id);
        assertEquals(1, created.version);
        assertEquals("Anne " + last, created.displayName);
        assertEquals(2, created.contactMechanisms.size());
        assertEquals(CoreEvents.PARTY_CREATED, core.events.last().topic());
        assertEquals(created.id, core.events.last().properties().get(CoreEvents.ID));

        PartyDTO read = core.parties.get(created.id);
        assertEquals(created.contactMechanisms.get(0).id, read.contactMechanisms.get(0).id);
        assertEquals(List.of("PROSPECT"), new ArrayList<>(read.classifications));

        // keep the email (by id), drop the address, add a phone
        read.contactMechanisms.remove(1);
        read.contactMechanisms.add(mechanism(ContactMechanismType.PHONE, "+33 1 23 45 67 89"));
        read.classifications.add("CUSTOMER");
        read.jobTitle = "Buyer";
        PartyDTO updated = core.parties.update(read.id, read.version, read);
        assertEquals(2, updated.version);
        assertEquals(created.contactMechanisms.get(0).id, updated.contactMechanisms.get(0).id);
        assertEquals(ContactMechanismType.PHONE, updated.contactMechanisms.get(1).type);
        assertEquals(2, updated.classifications.size());
        String[] changed = (String[]) core.events.last().properties().get(CoreEvents.CHANGED_FIELDS);
        assertTrue(List.of(changed).containsAll(List.of("jobTitle", "classifications", "contactMechanisms")));
        assertFalse(List.of(changed).contains("lastName"));

        PartyDTO foreign = core.parties.create(person("Other", unique("Owner")));
        updated.contactMechanisms.get(0).id = foreign.id;
        ValidationException wrongMechanism = assertThrows(ValidationException.class,
                () -> core.parties.update(updated.id, updated.version, updated));
        assertEquals("contactMechanisms[0].id", wrongMechanism.errors().get(0).field);

        core.parties.addRelationship(created.id, relationship("EMPLOYEE_OF", foreign.id));
        core.parties.delete(created.id, updated.version);
        assertTrue(core.parties.find(created.id).isEmpty());
        assertTrue(core.parties.relationships(foreign.id).isEmpty());
        assertThrows(NotFoundException.class, () -> core.parties.get(created.id));
        assertTrue(core.parties.find("not-a-number").isEmpty());
    }

    private static void assertNotEquals(String unexpected, String actual) {
        assertFalse(unexpected.equals(actual), "expected a server-assigned value");
    }

    private static PartyRelationshipDTO relationship(String type, String to) {
        PartyRelationshipDTO r = new PartyRelationshipDTO();
        r.type = type;
        r.toPartyId = to;
        return r;
    }

    @Test
    void writesAreValidatedAndExternalIdsUnique() {
        PartyDTO bad = person(null, null);
        bad.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "not-an-email"));
        bad.classifications.add("NOPE");
        bad.ownerId = "424242";
        ValidationException e = assertThrows(ValidationException.class, () -> core.parties.create(bad));
        List<String> fields = e.errors().stream().map(f -> f.field).toList();
        assertTrue(fields.containsAll(List.of("lastName", "contactMechanisms[0].value", "classifications[0]", "ownerId")),
                fields.toString());

        String external = unique("X");
        PartyDTO first = person("A", unique("Ext"));
        first.externalIds.put("crm", external);
        core.parties.create(first);
        PartyDTO second = person("B", unique("Ext"));
        second.externalIds.put("crm", external);
        ConflictException conflict = assertThrows(ConflictException.class, () -> core.parties.create(second));
        assertEquals("externalIds.crm", conflict.field());
    }

    @Test
    void staleVersionIsRejectedExplicitlyAndByJpa() {
        PartyDTO created = core.parties.create(person("Stale", unique("Version")));
        created.jobTitle = "first";
        core.parties.update(created.id, created.version, created);
        StaleVersionException explicit = assertThrows(StaleVersionException.class,
                () -> core.parties.update(created.id, created.version, created));
        assertEquals(2, explicit.actualVersion());

        // A concurrent writer commits between our version check and our flush: JPA's check catches it.
        AtomicBoolean interfered = new AtomicBoolean();
        Validator interferer = (candidate, previous) -> {
            if (previous != null && interfered.compareAndSet(false, true)) {
                CompletableFuture.runAsync(() -> {
                    PartyDTO current = core.parties.get(created.id);
                    current.jobTitle = "concurrent";
                    core.parties.update(created.id, current.version, current);
                }).join();
            }
            return List.of();
        };
        Hashtable<String, Object> properties = new Hashtable<>(Map.of(Validator.ENTITY_TYPE, "PARTY"));
        core.validation.addValidator(interferer, properties);
        try {
            PartyDTO current = core.parties.get(created.id);
            current.jobTitle = "mine";
            assertThrows(StaleVersionException.class, () -> core.parties.update(created.id, current.version, current));
            assertEquals("concurrent", core.parties.get(created.id).jobTitle);
        } finally {
            core.validation.removeValidator(interferer);
        }
    }

    @Test
    void quickSearchIgnoresAccentsAndMatchesEmailAndPhonePrefixes() {
        String tag = unique("qs");
        PartyDTO berard = person("Jean-François", "Bérard");
        berard.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "jf.berard." + tag + "@example.com"));
        berard.contactMechanisms.add(mechanism(ContactMechanismType.PHONE, "06 12 34 56 78"));
        berard.jobTitle = tag;
        PartyDTO obrien = person("Sean", "O'Brien");
        obrien.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "sean." + tag + "@example.com"));
        String b = core.parties.create(berard).id;
        String o = core.parties.create(obrien).id;

        assertEquals(List.of(b), searchIds(query("berard jf.berard." + tag)));
        assertEquals(List.of(b), searchIds(query("BÉRARD " + "jf.berard." + tag.substring(0, 4))));
        assertEquals(List.of(b), searchIds(query("francois jf.berard." + tag)));
        assertEquals(List.of(b), searchIds(query("06.12.34 jf.berard." + tag)));
        assertEquals(List.of(o), searchIds(query("obrien sean." + tag)));
        assertEquals(List.of(o), searchIds(query("o'brien sean." + tag)));
        assertTrue(searchIds(query("berard sean." + tag)).isEmpty());
        assertTrue(searchIds(query("100% sean." + tag)).isEmpty());
    }

    @Test
    void keysetPaginationWalksAllPagesInIdAndNameOrder() {
        String tag = unique("page");
        List<String> created = new ArrayList<>();
        String[] firstNames = {"Zoé", "adam", "Émile", "Bruno", "chloé", "Denis", "Yves"};
        for (String first : firstNames) {
            created.add(core.parties.create(person(first, tag)).id);
        }
        PartyQuery byId = query(tag);
        byId.limit = 3;
        assertEquals(created, walk(byId));

        PartyQuery byName = query(tag);
        byName.limit = 2;
        byName.sort = PartyQuery.Sort.NAME;
        List<String> names = new ArrayList<>();
        for (String id : walk(byName)) {
            names.add(core.parties.get(id).firstName);
        }
        assertEquals(List.of("adam", "Bruno", "chloé", "Denis", "Émile", "Yves", "Zoé"), names);

        PartyQuery byNameDescending = query(tag);
        byNameDescending.limit = 3;
        byNameDescending.sort = PartyQuery.Sort.NAME;
        byNameDescending.descending = true;
        List<String> namesDescending = new ArrayList<>();
        for (String id : walk(byNameDescending)) {
            namesDescending.add(core.parties.get(id).firstName);
        }
        assertEquals(List.of("Zoé", "Yves", "Émile", "Denis", "chloé", "Bruno", "adam"), namesDescending);

        PartyQuery byIdDescending = query(tag);
        byIdDescending.limit = 2;
        byIdDescending.descending = true;
        assertEquals(reversed(created), walk(byIdDescending));

        PartyQuery byCreation = query(tag);
        byCreation.limit = 2;
        byCreation.sort = PartyQuery.Sort.CREATED_AT;
        assertEquals(created, walk(byCreation));
        byCreation.descending = true;
        assertEquals(reversed(created), walk(byCreation));

        // a cursor continues the order it was made in only: another sort or direction is refused
        PartyQuery firstPage = query(tag);
        firstPage.limit = 2;
        firstPage.sort = PartyQuery.Sort.NAME;
        String nameCursor = core.parties.search(firstPage).nextCursor;
        firstPage.descending = true;
        firstPage.cursor = nameCursor;
        assertEquals("cursor", assertThrows(ValidationException.class, () -> core.parties.search(firstPage))
                .errors().get(0).field);
        firstPage.descending = false;
        firstPage.sort = PartyQuery.Sort.CREATED_AT;
        assertEquals("cursor", assertThrows(ValidationException.class, () -> core.parties.search(firstPage))
                .errors().get(0).field);

        PartyQuery badCursor = query(tag);
        badCursor.cursor = "%%%";
        assertEquals("cursor", assertThrows(ValidationException.class, () -> core.parties.search(badCursor))
                .errors().get(0).field);
        PartyQuery badLimit = query(tag);
        badLimit.limit = 201;
        assertEquals("limit", assertThrows(ValidationException.class, () -> core.parties.search(badLimit))
                .errors().get(0).field);
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private List<String> walk(PartyQuery query) {
        List<String> ids = new ArrayList<>();
        int pages = 0;
        do {
            Page<PartyDTO> page = core.parties.search(query);
            page.items.forEach(p -> ids.add(p.id));
            assertTrue(page.items.size() <= query.limit);
            query.cursor = page.nextCursor;
            pages++;
        } while (query.cursor != null && pages < 20);
        return ids;
    }

    @Test
    void customFieldsAreStoredReturnedAndFilterable() {
        String key = "risk" + unique("K");
        CustomFieldDefinitionDTO risk = new CustomFieldDefinitionDTO();
        risk.entityType = "PARTY";
        risk.key = key;
        risk.type = CustomFieldType.PICKLIST;
        risk.values = List.of("LOW", "HIGH");
        core.customFields.define(risk);
        String scoreKey = "score" + unique("K");
        CustomFieldDefinitionDTO score = new CustomFieldDefinitionDTO();
        score.entityType = "PARTY";
        score.key = scoreKey;
        score.type = CustomFieldType.DECIMAL;
        core.customFields.define(score);
        assertThrows(ConflictException.class, () -> core.customFields.define(risk));

        String tag = unique("cf");
        PartyDTO high = person("High", tag);
        high.customFields.put(key, "HIGH");
        high.customFields.put(scoreKey, "12.50");
        PartyDTO low = person("Low", tag);
        low.customFields.put(key, "LOW");
        PartyDTO stored = core.parties.create(high);
        core.parties.create(low);
        assertEquals(new BigDecimal("12.5"), stored.customFields.get(scoreKey));
        assertEquals("HIGH", core.parties.get(stored.id).customFields.get(key));

        PartyQuery q = query(tag);
        q.customFields.put(key, "HIGH");
        assertEquals(List.of(stored.id), searchIds(q));
        PartyQuery byScore = query(tag);
        byScore.customFields.put(scoreKey, "12.500");
        assertEquals(List.of(stored.id), searchIds(byScore));
        PartyQuery unknown = query(tag);
        unknown.customFields.put("nope", "x");
        assertEquals("customFields.nope", assertThrows(ValidationException.class,
                () -> core.parties.search(unknown)).errors().get(0).field);

        PartyDTO wrong = person("Wrong", tag);
        wrong.customFields.put(key, "MEDIUM");
        assertEquals("customFields." + key, assertThrows(ValidationException.class,
                () -> core.parties.create(wrong)).errors().get(0).field);
    }

    @Test
    void aHugeDecimalFilterAndTooManySearchWordsAreRefusedNamingTheParameter() {
        String scoreKey = "bound" + unique("K");
        CustomFieldDefinitionDTO score = new CustomFieldDefinitionDTO();
        score.entityType = "PARTY";
        score.key = scoreKey;
        score.type = CustomFieldType.DECIMAL;
        core.customFields.define(score);
        PartyQuery huge = query(null);
        huge.customFields.put(scoreKey, "1e500000000");
        ValidationException refused = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> assertThrows(ValidationException.class, () -> core.parties.search(huge)));
        assertEquals("customFields." + scoreKey, refused.errors().get(0).field);

        ValidationException words = assertThrows(ValidationException.class, () -> core.parties.search(query("a b c d e f g h i")));
        assertEquals("q", words.errors().get(0).field);
        assertEquals("limit_exceeded", words.errors().get(0).code);
    }

    private ActivityDTO activity(String subject, String partyId, Instant due) {
        ActivityDTO a = new ActivityDTO();
        a.type = "CALL";
        a.subject = subject;
        a.dueAt = due;
        a.participants.add(partyId);
        return a;
    }

    @Test
    void activitiesAreSearchedByPartyAndDueRangeNewestFirst() {
        String party = core.parties.create(person("Act", unique("Party"))).id;
        Instant base = Instant.parse("2030-01-01T10:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            ids.add(core.activities.create(activity("call " + day, party, base.plusSeconds(86_400L * day))).id);
        }
        ActivityQuery q = new ActivityQuery();
        q.partyId = party;
        q.dueFrom = base.plusSeconds(86_400);
        q.dueTo = base.plusSeconds(86_400 * 4);
        q.limit = 2;
        List<String> found = new ArrayList<>();
        do {
            Page<ActivityDTO> page = core.activities.search(q);
            page.items.forEach(a -> found.add(a.id));
            q.cursor = page.nextCursor;
        } while (q.cursor != null);
        assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1)), found);

        ActivityDTO bad = activity("x", party, null);
        bad.participants.add("123456789");
        bad.type = "DANCE";
        List<String> fields = assertThrows(ValidationException.class, () -> core.activities.create(bad))
                .errors().stream().map(e -> e.field).toList();
        assertTrue(fields.containsAll(List.of("type", "participants[1]")), fields.toString());
    }

    @Test
    void timelineMergesContributorsNewestFirstAcrossPages() {
        String party = core.parties.create(person("Time", unique("Line"))).id;
        Instant base = Instant.parse("2031-06-01T08:00:00Z");
        String older = core.activities.create(activity("older", party, base)).id;
        String newer = core.activities.create(activity("newer", party, base.plusSeconds(7200))).id;
        core.timeline.addContributor(query -> {
            TimelineEntryDTO entry = new TimelineEntryDTO();
            entry.id = "sales:opportunity:7";
            entry.source = "sales";
            entry.kind = "OPPORTUNITY";
            entry.occurredAt = base.plusSeconds(3600);
            return query.admits(entry) ? List.of(entry) : List.of();
        }, () -> false);
        List<String> entries = new ArrayList<>();
        String cursor = null;
        do {
            Page<TimelineEntryDTO> page = core.timeline.timeline(party, cursor, 1);
            page.items.forEach(e -> entries.add(e.id));
            cursor = page.nextCursor;
        } while (cursor != null && entries.size() < 10);
        assertEquals(List.of("core:activity:" + newer, "sales:opportunity:7", "core:activity:" + older), entries);
        assertThrows(NotFoundException.class, () -> core.timeline.timeline("987654321", null, 10));
    }

    /** Module and type filters are applied as contributors read, so each page is full and paging walks every match. */
    @Test
    void timelineFilteredByModuleAndTypePagesThroughEveryMatchOnly() {
        String party = core.parties.create(person("Filter", unique("Line"))).id;
        Instant base = Instant.parse("2032-03-01T08:00:00Z");
        List<String> activities = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            activities.add(0, "core:activity:" + core.activities.create(activity("call " + i, party, base.plusSeconds(600L * i))).id);
        }
        TimelineServiceImpl timeline = new TimelineServiceImpl(core.scope);
        timeline.addContributor(new ActivityTimelineContributor(core.tx), "core", Set.of("ACTIVITY"), () -> false);
        List<TimelineEntryDTO> sales = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TimelineEntryDTO entry = new TimelineEntryDTO();
            entry.id = "sales:" + (i % 2 == 0 ? "lead:" : "opportunity:") + i;
            entry.source = "sales";
            entry.kind = i % 2 == 0 ? "LEAD" : "OPPORTUNITY";
            entry.occurredAt = base.plusSeconds(600L * i + 300);
            sales.add(entry);
        }
        List<TimelineQuery> salesQueries = new ArrayList<>();
        timeline.addContributor(query -> {
            salesQueries.add(query);
            return sales.stream().filter(query::admits).sorted(TimelineOrder.NEWEST_FIRST).limit(query.limit).toList();
        }, "sales", Set.of("LEAD", "OPPORTUNITY"), () -> false);

        assertEquals(activities, walkTimeline(timeline, party, "core", null));
        assertTrue(salesQueries.isEmpty(), "a module filter asks no other module");
        assertEquals(activities, walkTimeline(timeline, party, null, "ACTIVITY"));
        assertTrue(salesQueries.isEmpty(), "a type filter asks only the modules that give it");
        assertEquals(List.of("sales:opportunity:5", "sales:opportunity:3", "sales:opportunity:1"),
                walkTimeline(timeline, party, "sales", "OPPORTUNITY"));
        assertTrue(salesQueries.stream().allMatch(query -> Set.of("OPPORTUNITY").equals(query.kinds)));
        assertEquals(11, walkTimeline(timeline, party, null, null).size());

        assertEquals("module", assertThrows(ValidationException.class,
                () -> timeline.timeline(party, "nosuchmodule", null, null, 10)).errors().get(0).field);
        assertEquals("type", assertThrows(ValidationException.class,
                () -> timeline.timeline(party, null, "DANCE", null, 10)).errors().get(0).field);
        assertEquals("type", assertThrows(ValidationException.class,
                () -> timeline.timeline(party, "core", "LEAD", null, 10)).errors().get(0).field);
        assertEquals(List.of("core:ACTIVITY", "sales:LEAD,OPPORTUNITY"), timeline.sources().stream()
                .map(source -> source.module + ":" + String.join(",", source.kinds)).toList());
    }

    private static List<String> walkTimeline(TimelineServiceImpl timeline, String party, String module, String kind) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<TimelineEntryDTO> page = timeline.timeline(party, module, kind, cursor, 2);
            assertTrue(page.nextCursor == null || page.items.size() == 2, "a page before the last is full");
            page.items.forEach(entry -> ids.add(entry.id));
            cursor = page.nextCursor;
        } while (cursor != null && ++pages < 20);
        return ids;
    }

    @Test
    void aContributorFailingWhileItsModuleStopsIsLeftOutAndAnyOtherFailureFailsTheTimeline() {
        String party = core.parties.create(person("Swap", unique("Time"))).id;
        String visit = core.activities.create(activity("visit", party, null)).id;
        AtomicBoolean leaving = new AtomicBoolean();
        TimelineServiceImpl timeline = new TimelineServiceImpl(core.scope);
        timeline.addContributor(new ActivityTimelineContributor(core.tx), () -> false);
        timeline.addContributor(query -> {
            throw new IllegalStateException("EntityManagerFactory is closed");
        }, leaving::get);
        assertThrows(IllegalStateException.class, () -> timeline.timeline(party, null, 10));
        leaving.set(true);
        assertEquals(List.of("core:activity:" + visit),
                timeline.timeline(party, null, 10).items.stream().map(entry -> entry.id).toList());
    }

    @Test
    void deletingAPartyRemovesItFromActivityParticipants() {
        String staying = core.parties.create(person("Stay", unique("P"))).id;
        String leaving = core.parties.create(person("Leave", unique("P"))).id;
        ActivityDTO meeting = activity("meeting", staying, null);
        meeting.participants.add(leaving);
        String id = core.activities.create(meeting).id;
        core.parties.delete(leaving, null);
        ActivityDTO after = core.activities.get(id);
        assertEquals(List.of(staying), after.participants);
        assertEquals(2, after.version);
        assertNull(core.parties.find(leaving).orElse(null));
        assertNotNull(core.parties.get(staying));
        assertEquals(LocalDate.class, LocalDate.now().getClass());
    }

    @Test
    void aPartyThatAModulesRecordsDependOnIsNotDeleted() {
        String kept = core.parties.create(person("Kept", unique("P"))).id;
        DependentRecordsContributor sales = (type, id) -> type.equals("PARTY") && id.equals(kept)
                ? List.of(new DependentRecordsDTO("sales", "OPPORTUNITY", 7, List.of("1000", "1001")))
                : List.of();
        core.parties.addDependentRecordsContributor(sales);
        try {
            DependentRecordsException refused = assertThrows(DependentRecordsException.class, () -> core.parties.delete(kept, null));
            assertEquals(1, refused.dependents().size());
            assertEquals("sales", refused.dependents().get(0).module);
            assertEquals(7, refused.dependents().get(0).count);
            assertNotNull(core.parties.get(kept), "nothing was deleted");
            assertThrows(NotFoundException.class, () -> core.parties.delete("999999999", null), "a missing party is a 404 first");
        } finally {
            core.parties.removeDependentRecordsContributor(sales);
        }
        core.parties.delete(kept, null);
        assertTrue(core.parties.find(kept).isEmpty(), "deleted once nothing depends on it");
    }

    @Test
    void sensitiveCustomFieldsAreNeitherShownToNorWrittenByCallersWithoutThePermission() {
        String key = "risk" + unique("P").substring(1);
        CustomFieldDefinitionDTO risk = new CustomFieldDefinitionDTO();
        risk.entityType = "PARTY";
        risk.key = key;
        risk.type = CustomFieldType.STRING;
        risk.sensitive = true;
        assertTrue(core.customFields.define(risk).sensitive);
        PartyDTO draft = person("Siobhán", unique("Ó Briain"));
        draft.customFields.put(key, "HIGH");
        PartyDTO stored = core.parties.create(draft);
        assertEquals("HIGH", stored.customFields.get(key), "the system (no caller) sees everything");

        core.callers.bind(new Caller("agent", Set.of("agent"), Set.of("core.party.read", "core.party.write", "all-records"), null));
        try {
            PartyDTO seen = core.parties.get(stored.id);
            assertFalse(seen.customFields.containsKey(key), "hidden from an agent");
            seen.customFields.put(key, "LOW");
            seen.jobTitle = "Notaire";
            PartyDTO updated = core.parties.update(stored.id, seen.version, seen);
            assertFalse(updated.customFields.containsKey(key));
            assertEquals("Notaire", updated.jobTitle);
        } finally {
            core.callers.unbind();
        }
        assertEquals("HIGH", core.parties.get(stored.id).customFields.get(key), "the agent's write left it alone");
    }

    @Test
    void aSensitiveCustomFieldIsNoFilterForCallersWhoMayNotReadIt() {
        String key = "income" + unique("P").substring(1);
        CustomFieldDefinitionDTO income = new CustomFieldDefinitionDTO();
        income.entityType = "PARTY";
        income.key = key;
        income.type = CustomFieldType.STRING;
        income.sensitive = true;
        core.customFields.define(income);
        PartyDTO draft = person("Aoife", unique("Kelly"));
        draft.customFields.put(key, "HIGH");
        String id = core.parties.create(draft).id;
        PartyQuery byIncome = new PartyQuery();
        byIncome.customFields.put(key, "HIGH");
        assertEquals(List.of(id), searchIds(byIncome), "the system filters on it");

        core.callers.bind(new Caller("agent", Set.of("agent"), Set.of("core.party.read", "all-records"), null));
        try {
            ForbiddenException refused = assertThrows(ForbiddenException.class, () -> core.parties.search(byIncome),
                    "a match would tell the agent a value it may not read");
            assertEquals("customFields." + key, refused.field());
            PartyQuery wrongGuess = new PartyQuery();
            wrongGuess.customFields.put(key, "LOW");
            assertThrows(ForbiddenException.class, () -> core.parties.search(wrongGuess), "refused whatever the value");
        } finally {
            core.callers.unbind();
        }
        core.callers.bind(new Caller("officer", Set.of("officer"),
                Set.of("core.party.read", CorePermissions.PARTY_SENSITIVE, "all-records"), null));
        try {
            assertEquals(List.of(id), searchIds(byIncome), "a caller who may read it may filter on it");
        } finally {
            core.callers.unbind();
        }
    }

    @Test
    void anImportByACallerWithoutThePermissionNeitherWritesNorOverwritesSensitiveCustomFields() {
        String key = "risk" + unique("I").substring(1);
        CustomFieldDefinitionDTO risk = new CustomFieldDefinitionDTO();
        risk.entityType = "PARTY";
        risk.key = key;
        risk.type = CustomFieldType.STRING;
        risk.sensitive = true;
        core.customFields.define(risk);
        PartyImporter importer = new PartyImporter(core.tx, core.validation, core.events, core.callers, core.scope,
                new AuditTrail(core.callers));
        Caller agent = new Caller("agent", Set.of("agent"), Set.of(CorePermissions.PARTY_READ,
                CorePermissions.PARTY_WRITE, CorePermissions.ALL_RECORDS), null);
        Caller admin = new Caller("admin", Set.of("admin"), CorePermissions.ALL, null);
        String source = unique("crm");
        String last = unique("Kowalska");

        ImportReport byAdmin = importAs(admin, importer, importedPerson(source, "A", last, key, "HIGH"));
        assertEquals(1, byAdmin.created, () -> String.valueOf(byAdmin.errors));
        ImportReport created = importAs(agent, importer, importedPerson(source, "B", last, key, "HIGH"));
        assertEquals(1, created.created, () -> String.valueOf(created.errors));
        PartyDTO writtenByAdmin = importedParty(source, "A");
        assertEquals("HIGH", writtenByAdmin.customFields.get(key), "an admin's import writes the sensitive value");
        assertFalse(importedParty(source, "B").customFields.containsKey(key), "an agent's import is created without it");

        PartyDTO changed = importedPerson(source, "A", last, key, "LOW");
        changed.jobTitle = "Notaire";
        ImportReport updated = importAs(agent, importer, changed);
        assertEquals(1, updated.updated, () -> String.valueOf(updated.errors));
        PartyDTO afterAgent = importedParty(source, "A");
        assertEquals("Notaire", afterAgent.jobTitle, "the rest of the row is written");
        assertEquals("HIGH", afterAgent.customFields.get(key), "the agent's import left the stored value alone");
        assertEquals(1, importAs(agent, importer, importedPerson(source, "A", last, key, null)).updated,
                "without the sensitive value the row changes the job title back, nothing else");
        assertEquals("HIGH", importedParty(source, "A").customFields.get(key), "a row without it does not erase it");

        assertEquals(1, importAs(admin, importer, importedPerson(source, "A", last, key, "LOW")).updated);
        assertEquals("LOW", importedParty(source, "A").customFields.get(key), "an admin's import changes it");

        AuditQuery trail = new AuditQuery();
        trail.entityType = "PARTY";
        trail.entityId = writtenByAdmin.id;
        List<FieldChangeDTO> riskChanges = new ArrayList<>();
        core.audit.search(trail).items.forEach(record -> record.changes.stream()
                .filter(change -> change.field.equals("customFields." + key)).forEach(riskChanges::add));
        assertEquals(2, riskChanges.size(), "created by the admin, changed by the admin");
        riskChanges.forEach(change -> assertEquals(FieldChangeDTO.MASK, change.newValue, "masked in the audit trail"));
    }

    @Test
    void anImportByACallerWithoutThePermissionKeepsARequiredSensitiveFieldOnUpdateAndNeedsItOnCreate() {
        String key = "rating" + unique("R").substring(1);
        CustomFieldDefinitionDTO rating = new CustomFieldDefinitionDTO();
        rating.entityType = "PARTY";
        rating.key = key;
        rating.type = CustomFieldType.STRING;
        rating.sensitive = true;
        rating.required = true;
        core.customFields.define(rating);
        try {
            PartyImporter importer = new PartyImporter(core.tx, core.validation, core.events, core.callers, core.scope,
                    new AuditTrail(core.callers));
            Caller agent = new Caller("agent", Set.of("agent"), Set.of(CorePermissions.PARTY_READ,
                    CorePermissions.PARTY_WRITE, CorePermissions.ALL_RECORDS), null);
            Caller admin = new Caller("admin", Set.of("admin"), CorePermissions.ALL, null);
            String source = unique("crm");
            String last = unique("Nowak");
            ImportReport byAdmin = importAs(admin, importer, importedPerson(source, "A", last, key, "B+"));
            assertEquals(1, byAdmin.created, () -> String.valueOf(byAdmin.errors));

            PartyDTO changed = importedPerson(source, "A", last, key, null);
            changed.jobTitle = "Architecte";
            ImportReport updated = importAs(agent, importer, changed);
            assertEquals(1, updated.updated, () -> "the stored value satisfies the requirement: " + updated.errors);
            assertEquals("B+", importedParty(source, "A").customFields.get(key));
            assertEquals("Architecte", importedParty(source, "A").jobTitle);

            ImportReport created = importAs(agent, importer, importedPerson(source, "B", last, key, "A"));
            assertEquals(1, created.rejected, "a new party needs the field, which this caller cannot give");
            assertEquals("customFields." + key, created.errors.get(0).errors.get(0).field);
        } finally {
            // other tests of this class create parties without it
            core.tx.required(em -> em.createQuery("SELECT d FROM CustomFieldDefinitionEntity d"
                    + " WHERE d.entityType = 'PARTY' AND d.key = :key", CustomFieldDefinitionEntity.class)
                    .setParameter("key", key).getSingleResult().required = false);
        }
    }

    @Test
    void anUpdateByACallerWithoutThePermissionIsNotRefusedForARequiredSensitiveFieldTheyCannotGive() {
        PartyDTO unrated = core.parties.create(person("Ewa", unique("Lis")));
        String key = "grade" + unique("G").substring(1);
        CustomFieldDefinitionDTO grade = new CustomFieldDefinitionDTO();
        grade.entityType = "PARTY";
        grade.key = key;
        grade.type = CustomFieldType.STRING;
        grade.sensitive = true;
        grade.required = true;
        core.customFields.define(grade);
        try {
            PartyDTO byAdmin = core.parties.get(unrated.id);
            byAdmin.jobTitle = "Architecte";
            assertEquals("customFields." + key, assertThrows(ValidationException.class,
                    () -> core.parties.update(unrated.id, byAdmin.version, byAdmin)).errors().get(0).field,
                    "a caller who may write the field must give it");

            core.callers.bind(new Caller("agent", Set.of("agent"), Set.of(CorePermissions.PARTY_READ,
                    CorePermissions.PARTY_WRITE, CorePermissions.ALL_RECORDS), null));
            try {
                PartyDTO seen = core.parties.get(unrated.id);
                seen.jobTitle = "Architecte";
                assertEquals("Architecte", core.parties.update(unrated.id, seen.version, seen).jobTitle,
                        "as the import does: the caller can neither see nor give it");
                assertThrows(ValidationException.class, () -> core.parties.create(person("Ewa", unique("Lis"))),
                        "a new party still needs it");
            } finally {
                core.callers.unbind();
            }
        } finally {
            // other tests of this class create parties without it
            core.tx.required(em -> em.createQuery("SELECT d FROM CustomFieldDefinitionEntity d"
                    + " WHERE d.entityType = 'PARTY' AND d.key = :key", CustomFieldDefinitionEntity.class)
                    .setParameter("key", key).getSingleResult().required = false);
        }
    }

    private ImportReport importAs(Caller caller, PartyImporter importer, PartyDTO party) {
        core.callers.bind(caller);
        try {
            return importer.importParties(List.of(ImportRow.of(1, party)).iterator());
        } finally {
            core.callers.unbind();
        }
    }

    private static PartyDTO importedPerson(String source, String externalId, String last, String key, String value) {
        PartyDTO p = person("Agnieszka", last);
        p.externalIds.put(source, externalId);
        if (value != null) {
            p.customFields.put(key, value);
        }
        return p;
    }

    /** The imported party as the system (no caller) sees it: every field. */
    private PartyDTO importedParty(String source, String externalId) {
        return core.tx.required(em -> em.createQuery("SELECT p.id FROM PartyEntity p JOIN p.externalIds e"
                        + " WHERE KEY(e) = :source AND VALUE(e) = :value", Long.class)
                .setParameter("source", source).setParameter("value", externalId).getResultList())
                .stream().findFirst().map(id -> core.parties.get(String.valueOf(id))).orElseThrow();
    }

    @Test
    void aModuleSchemaIsLedgeredVersionedAndDroppedOnlyByAnExplicitPurge() throws Exception {
        String changelog = "org/tessera/crm/core/impl/testmodule/changelog.xml";
        LiquibaseSchemaMigrations migrations = new LiquibaseSchemaMigrations(dataSource, new JdbcAuditRecorder(core.callers),
                new SchemaReady() { });
        assertEquals("widgets-002", database.migrate("widgets", changelog));
        assertEquals(Optional.of("widgets-002"), migrations.appliedVersion("widgets"));
        assertEquals(Optional.of("widgets-002"), migrations.appliedVersion("widgets"), "stable across reads");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO widget (id, name) VALUES (1, 'kept until purged')");
            sql.executeUpdate("INSERT INTO widget_part (id, widget_id) VALUES (1, 1)");
        }
        assertEquals("widgets-002", database.migrate("widgets", changelog), "a second start changes nothing");

        assertEquals(List.of("TABLE widget_part", "TABLE widget", "SEQUENCE widget_seq"), migrations.purge("widgets"));
        try (Connection connection = dataSource.getConnection()) {
            List<AuditRecordDTO> audit = AuditChangeList.read(connection, "MODULE", "widgets");
            assertEquals(1, audit.size(), "the purge is audited");
            assertEquals(AuditAction.DELETE, audit.get(0).action);
            assertEquals(3, audit.get(0).changes.size(), "one change per dropped object");
        }
        assertEquals(Optional.empty(), migrations.appliedVersion("widgets"));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID LIKE 'widgets-%'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "history of the purged module forgotten");
        }
        assertThrows(IllegalArgumentException.class, () -> migrations.purge("core"));

        assertEquals("widgets-002", database.migrate("widgets", changelog), "a later install starts from an empty schema");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID LIKE 'widgets-%'")) {
            rows.next();
            assertEquals(2, rows.getInt(1), "history after reinstall");
        }
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM widget")) {
            count.next();
            assertEquals(0, count.getInt(1));
        }
        migrations.purge("widgets");
    }

    /** A module's DTO: public fields, as FieldDiffs reads them. */
    public static class Gadget {
        public String id;
        public long version;
        public String name;
        public String pin;
        public Map<String, Object> customFields = new java.util.LinkedHashMap<>();
    }

    private static Gadget gadget(String id, String name, String pin, String note) {
        Gadget g = new Gadget();
        g.id = id;
        g.name = name;
        g.pin = pin;
        g.customFields.put("note", note);
        return g;
    }

    /** Audits like a module: on the connection of its own transaction, here one of the core unit. */
    private void recordAsModule(String type, String id, AuditAction action, Object before, Object after, boolean rollBack) {
        JdbcAuditRecorder recorder = new JdbcAuditRecorder(core.callers);
        try {
            core.tx.required(em -> {
                recorder.record(em.unwrap(Connection.class), type, id, action, before, after, Set.of("pin"));
                if (rollBack) {
                    throw new IllegalStateException("the module's mutation failed");
                }
                return null;
            });
        } catch (IllegalStateException expected) {
            assertTrue(rollBack, expected.getMessage());
        }
    }

    private List<AuditRecordDTO> auditOf(String type, String id) {
        AuditQuery query = new AuditQuery();
        query.entityType = type;
        query.entityId = id;
        return core.audit.search(query).items;
    }

    @Test
    void aModuleAuditWrittenInARolledBackTransactionLeavesNoRecord() {
        String type = unique("GADGET_").toUpperCase(java.util.Locale.ROOT);
        recordAsModule(type, "1", AuditAction.CREATE, null, gadget("1", "Widget", "1234", "x"), true);
        assertEquals(List.of(), auditOf(type, "1"));
    }

    @Test
    void aModuleAuditCommittedWithItsTransactionIsReadBackMaskedAndSigned() {
        String type = unique("GADGET_").toUpperCase(java.util.Locale.ROOT);
        CustomFieldDefinitionDTO note = new CustomFieldDefinitionDTO();
        note.entityType = type;
        note.key = "note";
        note.type = CustomFieldType.STRING;
        note.sensitive = true;
        core.customFields.define(note);
        Gadget created = gadget("7", "Widget", "1234", "fragile");
        Gadget renamed = gadget("7", "Sprocket", "9999", "fragile");
        renamed.version = 2;
        core.callers.bind(new Caller("agent", Set.of("agent"), Set.of(), null));
        try {
            recordAsModule(type, "7", AuditAction.CREATE, null, created, false);
            recordAsModule(type, "7", AuditAction.UPDATE, created, renamed, false);
            recordAsModule(type, "7", AuditAction.UPDATE, renamed, renamed, false);
            recordAsModule(type, "7", AuditAction.DELETE, renamed, null, false);
        } finally {
            core.callers.unbind();
        }

        List<AuditRecordDTO> records = auditOf(type, "7");
        assertEquals(List.of(AuditAction.DELETE, AuditAction.UPDATE, AuditAction.CREATE),
                records.stream().map(r -> r.action).toList(), "newest first; the update that changed nothing left none");
        records.forEach(r -> assertEquals("agent", r.userId));
        records.forEach(r -> assertNotNull(r.at));
        assertEquals(List.of("name=null>Widget", "pin=null>***", "customFields.note=null>***"), changes(records.get(2)));
        assertEquals(List.of("name=Widget>Sprocket", "pin=***>***"), changes(records.get(1)), "no bookkeeping field");
        assertEquals(List.of("name=Sprocket>null", "pin=***>null", "customFields.note=***>null"), changes(records.get(0)));
    }

    @Test
    void aModuleAuditIsOneRowAndOneTooLongForItsColumnKeepsARowPerFieldBothReadBackWhole() throws SQLException {
        String type = unique("GADGET_").toUpperCase(java.util.Locale.ROOT);
        List<FieldChangeDTO> small = List.of(new FieldChangeDTO("name", null, "Widget \"quoted\" \\ ü"), new FieldChangeDTO("pin", null, null));
        List<FieldChangeDTO> large = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            large.add(new FieldChangeDTO("part" + i, "a".repeat(4000), "b".repeat(4000))); // 80,000 characters in all
        }
        JdbcAuditRecorder recorder = new JdbcAuditRecorder(core.callers);
        core.tx.required(em -> {
            recorder.recordChanges(em.unwrap(Connection.class), type, "1", AuditAction.CREATE, small);
            recorder.recordChanges(em.unwrap(Connection.class), type, "2", AuditAction.UPDATE, large);
            return null;
        });

        assertEquals(List.of("name=null>Widget \"quoted\" \\ ü", "pin=null>null"), changes(auditOf(type, "1").get(0)));
        List<String> expected = large.stream().map(c -> c.field + "=" + c.oldValue + ">" + c.newValue).toList();
        assertEquals(expected, changes(auditOf(type, "2").get(0)));
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(expected, changes(AuditChangeList.read(connection, type, "2").get(0)), "the JDBC reader too");
            assertEquals(List.of(0L, 10L), List.of(auditChangeRows(connection, type, "1"), auditChangeRows(connection, type, "2")),
                    "the short list in its column, the long one a row per field");
        }
    }

    private static long auditChangeRows(Connection connection, String type, String id) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM audit_change c JOIN audit_record r"
                + " ON r.id = c.audit_id WHERE r.entity_type = ? AND r.entity_id = ?")) {
            count.setString(1, type);
            count.setString(2, id);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> changes(AuditRecordDTO record) {
        return record.changes.stream().map(c -> c.field + "=" + c.oldValue + ">" + c.newValue).toList();
    }
}
