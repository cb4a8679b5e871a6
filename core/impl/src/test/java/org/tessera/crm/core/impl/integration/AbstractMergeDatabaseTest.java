package org.tessera.crm.core.impl.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.audit.AuditQuery;
import org.tessera.crm.core.api.audit.AuditRecordDTO;
import org.tessera.crm.core.api.merge.MergeContributor;
import org.tessera.crm.core.api.merge.MergeRefusedException;
import org.tessera.crm.core.api.merge.MergeRequestDTO;
import org.tessera.crm.core.api.merge.MergeResultDTO;
import org.tessera.crm.core.api.merge.MergeService;
import org.tessera.crm.core.api.merge.ModuleMergeDTO;
import org.tessera.crm.core.api.merge.MovedRecordDTO;
import org.tessera.crm.core.api.merge.PartyMerge;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.merge.MergeServiceImpl;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.kit.merge.ClashRule;
import org.tessera.crm.core.kit.merge.PartyRepointing;
import org.tessera.crm.core.kit.merge.RepointedTable;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The party merge and its undo against every supported database: the core's own records, a
 * module's table re-pointed by the kit's helper, a module's clash that refuses the whole merge,
 * the dry run, the log, the audit, and an undo refused when a moved record changed since.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractMergeDatabaseTest {
    private CoreServices core;
    private TestDatabase database;
    private MergeServiceImpl merges;

    protected abstract TestDatabase startDatabase() throws Exception;

    /** A module of the test: widgets owned by a party; two widgets of one serial number may not share an owner. */
    private static final PartyRepointing WIDGETS = new PartyRepointing("widgets",
            RepointedTable.of("WIDGET", "test_widget", "party_id", "id").versioned("version").clashOn(ClashRule.REFUSE, "serial"));

    private static final MergeContributor WIDGET_CONTRIBUTOR = new MergeContributor() {
        @Override
        public String moduleId() {
            return WIDGETS.module();
        }

        @Override
        public ModuleMergeDTO merge(Connection transaction, PartyMerge merge) {
            return WIDGETS.merge(transaction, merge);
        }

        @Override
        public void undo(Connection transaction, PartyMerge merge, List<MovedRecordDTO> moved) {
            WIDGETS.undo(transaction, merge, moved);
        }
    };

    /** A module installed only after a merge: it catches up from the merge log. */
    private static final PartyRepointing GADGETS = new PartyRepointing("gadgets",
            RepointedTable.of("GADGET", "test_gadget", "party_id", "id"));

    private static final MergeContributor GADGET_CONTRIBUTOR = new MergeContributor() {
        @Override
        public String moduleId() {
            return GADGETS.module();
        }

        @Override
        public ModuleMergeDTO merge(Connection transaction, PartyMerge merge) {
            return GADGETS.merge(transaction, merge);
        }

        @Override
        public void undo(Connection transaction, PartyMerge merge, List<MovedRecordDTO> moved) {
            GADGETS.undo(transaction, merge, moved);
        }
    };

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        core = new CoreServices(database);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE test_widget (id BIGINT PRIMARY KEY, party_id BIGINT NOT NULL, serial VARCHAR(20) NOT NULL, version BIGINT NOT NULL)");
            s.execute("CREATE TABLE test_gadget (id BIGINT PRIMARY KEY, party_id BIGINT NOT NULL)");
        }
        merges = new MergeServiceImpl(core.tx, core.callers, core.scope, new AuditTrail(core.callers), core.events, new MergeServiceImpl.Config() {
            @Override
            public int undoWindowDays() {
                return 30;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MergeServiceImpl.Config.class;
            }
        });
        merges.addContributor(WIDGET_CONTRIBUTOR);
    }

    @AfterAll
    void stop() throws Exception {
        if (core != null) {
            core.close();
        }
        database.close();
    }

    private static String unique(String stem) {
        return stem + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private PartyDTO person(String first, String last, String jobTitle, String... emails) {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.firstName = first;
        p.lastName = last;
        p.jobTitle = jobTitle;
        for (String email : emails) {
            ContactMechanismDTO m = new ContactMechanismDTO();
            m.type = ContactMechanismType.EMAIL;
            m.value = email;
            p.contactMechanisms.add(m);
        }
        return core.parties.create(p, true);
    }

    private long widgetSeq = System.nanoTime() % 1_000_000_000L;

    private long widget(String partyId, String serial) throws SQLException {
        long id = ++widgetSeq;
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO test_widget (id, party_id, serial, version) VALUES (?, ?, ?, 1)")) {
            insert.setLong(1, id);
            insert.setLong(2, Long.parseLong(partyId));
            insert.setString(3, serial);
            insert.executeUpdate();
        }
        return id;
    }

    private long widgetOwner(long widget) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement query = c.prepareStatement("SELECT party_id FROM test_widget WHERE id = ?")) {
            query.setLong(1, widget);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long smallestMergeId() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement query = c.prepareStatement("SELECT MIN(id) FROM merge_log"); ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void setWidgetOwner(long widget, String partyId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE test_widget SET party_id = ? WHERE id = ?")) {
            update.setLong(1, Long.parseLong(partyId));
            update.setLong(2, widget);
            update.executeUpdate();
        }
    }

    private static MergeRequestDTO request(boolean dryRun, Map<String, String> fields, String... victims) {
        MergeRequestDTO request = new MergeRequestDTO();
        request.victims = List.of(victims);
        request.fields = new java.util.LinkedHashMap<>(fields);
        request.dryRun = dryRun;
        return request;
    }

    private static Set<String> emails(PartyDTO party) {
        return party.contactMechanisms.stream().map(m -> m.value).collect(Collectors.toSet());
    }

    private static List<MovedRecordDTO> moved(MergeResultDTO result, String module) {
        return result.modules.stream().filter(m -> m.module.equals(module)).flatMap(m -> m.moved.stream()).toList();
    }

    @Test
    void mergeMovesEverythingOnceAndUndoRestoresIt() throws SQLException {
        String shared = unique("ann") + "@example.org";
        PartyDTO survivor = person("Ann", unique("Smith"), null, shared);
        PartyDTO first = person("Anne", survivor.lastName, "CFO", shared, unique("anne") + "@example.org");
        PartyDTO second = person("Annie", survivor.lastName, "CEO", unique("annie") + "@example.org");
        PartyDTO classified = core.parties.get(first.id);
        classified.classifications.add("CUSTOMER");
        core.parties.update(first.id, classified.version, classified, true);
        ActivityDTO call = new ActivityDTO();
        call.type = "CALL";
        call.subject = "call";
        call.participants.add(first.id);
        call.participants.add(survivor.id);
        String shared_call = core.activities.create(call).id;
        long widgetOfFirst = widget(first.id, unique("s"));
        long widgetOfSecond = widget(second.id, unique("s"));

        // the dry run answers what would move and changes nothing
        MergeResultDTO dry = merges.merge(survivor.id, request(true, Map.of("jobTitle", second.id), first.id, second.id));
        assertTrue(dry.dryRun);
        assertNull(dry.id);
        assertEquals(2, moved(dry, "widgets").size());
        assertEquals(Map.of("jobTitle", second.id), dry.fieldSources);
        assertEquals(PartyStatus.ACTIVE, core.parties.get(first.id).status);
        assertEquals(Long.parseLong(first.id), widgetOwner(widgetOfFirst));
        assertEquals(1, core.parties.get(survivor.id).contactMechanisms.size());

        MergeResultDTO merged = merges.merge(survivor.id, request(false, Map.of("jobTitle", second.id), first.id, second.id));
        assertTrue(smallestMergeId() > 0, "merge ids are positive, the first block's too: the API's paths take them");
        PartyDTO after = core.parties.get(survivor.id);
        assertEquals("CEO", after.jobTitle);
        assertEquals(Set.of(shared, first.contactMechanisms.get(1).value, second.contactMechanisms.get(0).value), emails(after));
        assertEquals(3, after.contactMechanisms.size(), "the shared address is not doubled");
        assertTrue(after.classifications.contains("CUSTOMER"));
        assertEquals(PartyStatus.MERGED, core.parties.get(first.id).status);
        assertEquals(PartyStatus.MERGED, core.parties.get(second.id).status);
        assertEquals(survivor.id, merges.survivorOf(first.id).orElseThrow());
        assertTrue(merges.survivorOf(survivor.id).isEmpty());
        assertEquals(Long.parseLong(survivor.id), widgetOwner(widgetOfFirst));
        assertEquals(Long.parseLong(survivor.id), widgetOwner(widgetOfSecond));
        assertEquals(List.of(survivor.id), core.activities.get(shared_call).participants.stream().filter(p -> !p.equals(first.id)).toList());
        List<MovedRecordDTO> keptCore = merged.modules.get(0).kept;
        assertTrue(keptCore.stream().anyMatch(k -> k.recordType.equals("CONTACT_MECHANISM")), "the shared address stays on the victim");
        assertTrue(keptCore.stream().anyMatch(k -> k.recordType.equals("ACTIVITY_PARTICIPANT")), "the survivor took part already");
        assertEquals(1, core.events.posted.stream().filter(e -> e.topic().equals(MergeService.TOPIC_MERGED)
                && merged.id.equals(e.properties().get("mergeId"))).count());
        AuditQuery audit = new AuditQuery();
        audit.entityType = "WIDGET";
        audit.entityId = Long.toString(widgetOfFirst);
        List<AuditRecordDTO> widgetAudit = core.audit.search(audit).items;
        assertEquals(1, widgetAudit.size());
        assertEquals(survivor.id, widgetAudit.get(0).changes.get(0).newValue);
        assertEquals(merged.modules.size(), merges.find(merged.id).orElseThrow().modules.size());

        MergeResultDTO undone = merges.undo(merged.id);
        assertTrue(undone.undoneAt != null);
        assertEquals(PartyStatus.ACTIVE, core.parties.get(first.id).status);
        assertTrue(merges.survivorOf(first.id).isEmpty());
        PartyDTO restored = core.parties.get(survivor.id);
        assertNull(restored.jobTitle);
        assertEquals(Set.of(shared), emails(restored));
        assertEquals(2, core.parties.get(first.id).contactMechanisms.size());
        assertTrue(core.parties.get(first.id).classifications.contains("CUSTOMER"));
        assertFalse(restored.classifications.contains("CUSTOMER"));
        assertEquals(Long.parseLong(first.id), widgetOwner(widgetOfFirst));
        assertEquals(Long.parseLong(second.id), widgetOwner(widgetOfSecond));
        assertTrue(core.activities.get(shared_call).participants.containsAll(List.of(first.id, survivor.id)));
        MergeRefusedException twice = assertThrows(MergeRefusedException.class, () -> merges.undo(merged.id));
        assertTrue(twice.reason().contains("undone already"), twice.reason());
    }

    @Test
    void aModuleAbsentAtMergeTimeCatchesUpAndItsRecordsComeBackOnUndo() throws SQLException {
        PartyDTO survivor = person("Fay", unique("Reed"), null);
        PartyDTO victim = person("Faye", survivor.lastName, null);
        long gadget = ++widgetSeq;
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO test_gadget (id, party_id) VALUES (?, ?)")) {
            insert.setLong(1, gadget);
            insert.setLong(2, Long.parseLong(victim.id));
            insert.executeUpdate();
        }
        MergeResultDTO merged = merges.merge(survivor.id, request(false, Map.of(), victim.id));
        assertEquals(Long.parseLong(victim.id), gadgetOwner(gadget), "the module was not there");

        assertTrue(merges.catchUp(GADGET_CONTRIBUTOR) >= 1);
        assertEquals(Long.parseLong(survivor.id), gadgetOwner(gadget));
        assertEquals(0, merges.catchUp(GADGET_CONTRIBUTOR), "a merge is caught up once");
        assertTrue(moved(merges.find(merged.id).orElseThrow(), "gadgets").stream().anyMatch(m -> m.recordId.equals(Long.toString(gadget))));

        merges.addContributor(GADGET_CONTRIBUTOR);
        merges.undo(merged.id);
        assertEquals(Long.parseLong(victim.id), gadgetOwner(gadget));
    }

    private long gadgetOwner(long gadget) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement query = c.prepareStatement("SELECT party_id FROM test_gadget WHERE id = ?")) {
            query.setLong(1, gadget);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aModulesClashRefusesTheWholeMergeNamingTheModule() throws SQLException {
        PartyDTO survivor = person("Bob", unique("Stone"), null);
        PartyDTO victim = person("Bobby", survivor.lastName, "CTO", unique("bob") + "@example.org");
        String serial = unique("s");
        widget(survivor.id, serial);
        long clashing = widget(victim.id, serial);

        MergeRefusedException refused = assertThrows(MergeRefusedException.class,
                () -> merges.merge(survivor.id, request(false, Map.of(), victim.id)));
        assertEquals("widgets", refused.module());
        assertTrue(refused.reason().contains(serial), refused.reason());
        assertEquals(PartyStatus.ACTIVE, core.parties.get(victim.id).status);
        assertEquals(1, core.parties.get(victim.id).contactMechanisms.size(), "the core's moves rolled back with the refusal");
        assertEquals(Long.parseLong(victim.id), widgetOwner(clashing));
        assertThrows(MergeRefusedException.class, () -> merges.merge(survivor.id, request(true, Map.of(), victim.id)),
                "the dry run refuses alike");
    }

    @Test
    void undoIsRefusedWhenAMovedRecordChangedSince() throws SQLException {
        PartyDTO survivor = person("Cy", unique("Moss"), null);
        PartyDTO victim = person("Cyril", survivor.lastName, null, unique("cy") + "@example.org");
        PartyDTO other = person("Dee", unique("Other"), null);
        long widget = widget(victim.id, unique("s"));
        MergeResultDTO merged = merges.merge(survivor.id, request(false, Map.of(), victim.id));
        setWidgetOwner(widget, other.id);

        MergeRefusedException refused = assertThrows(MergeRefusedException.class, () -> merges.undo(merged.id));
        assertEquals("widgets", refused.module());
        assertTrue(refused.reason().contains(Long.toString(widget)), refused.reason());
        assertEquals(PartyStatus.MERGED, core.parties.get(victim.id).status, "nothing was undone");
        assertEquals(1, core.parties.get(survivor.id).contactMechanisms.size());
    }

    @Test
    void aMergedPartyCannotBeMergedAgainNorBeASurvivor() {
        PartyDTO survivor = person("Eve", unique("Lake"), null);
        PartyDTO victim = person("Eva", survivor.lastName, null);
        merges.merge(survivor.id, request(false, Map.of(), victim.id));
        PartyDTO third = person("Evi", survivor.lastName, null);
        assertThrows(MergeRefusedException.class, () -> merges.merge(third.id, request(false, Map.of(), victim.id)));
        assertThrows(MergeRefusedException.class, () -> merges.merge(victim.id, request(false, Map.of(), third.id)));
    }

    @Test
    void aMergedPartyRefusesChangesAndNoWriteSetsMergedButAMerge() {
        PartyDTO survivor = person("Ida", unique("Frozen"), null);
        PartyDTO victim = person("Ide", survivor.lastName, null);
        merges.merge(survivor.id, request(false, Map.of(), victim.id));
        PartyDTO merged = core.parties.get(victim.id);
        merged.jobTitle = "Changed after the merge";
        ConflictException refused = assertThrows(ConflictException.class, () -> core.parties.update(victim.id, merged.version, merged));
        assertEquals("status", refused.field());
        assertEquals(null, core.parties.get(victim.id).jobTitle, "the merged party is as the merge left it");

        PartyDTO other = person("Ilse", unique("Plain"), null);
        other.status = PartyStatus.MERGED;
        ValidationException invalid = assertThrows(ValidationException.class, () -> core.parties.update(other.id, other.version, other));
        assertEquals("status", invalid.errors().get(0).field);
    }
}
