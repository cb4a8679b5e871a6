package org.tessera.crm.core.impl.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.duplicate.DuplicateAction;
import org.tessera.crm.core.api.duplicate.DuplicateFoundException;
import org.tessera.crm.core.api.duplicate.DuplicateRuleDTO;
import org.tessera.crm.core.api.duplicate.MatchFieldDTO;
import org.tessera.crm.core.api.duplicate.MatchMethod;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.imports.PartyImporter;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * Duplicate detection against every supported database: the default rules the changeset seeds, the
 * matching keys kept in the party's transaction, candidates found by the keys, rule changes and
 * the import report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDuplicatesDatabaseTest {
    private TestDatabase database;
    private CoreServices core;
    private PartyDuplicates duplicates;
    private DuplicateRuleServiceImpl rules;
    private PartyImporter importer;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        core = new CoreServices(database);
        duplicates = new PartyDuplicates(core.tx, callingCode("33"));
        duplicates.rebuildLater().get();
        core.parties.setDuplicates(duplicates);
        rules = new DuplicateRuleServiceImpl(core.tx, new AuditTrail(core.callers), duplicates);
        importer = new PartyImporter(core.tx, core.validation, core.events, core.callers, core.scope, new AuditTrail(core.callers));
        importer.setDuplicates(duplicates);
    }

    @AfterAll
    void stop() throws Exception {
        duplicates.deactivate();
        core.close();
        database.close();
    }

    static PartyDuplicates.Config callingCode(String code) {
        return new PartyDuplicates.Config() {
            @Override
            public String defaultCallingCode() {
                return code;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PartyDuplicates.Config.class;
            }
        };
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static PartyDTO person(String first, String last, String email) {
        PartyDTO p = MatchRuleTest.person(first, last);
        return email == null ? p : MatchRuleTest.with(p, ContactMechanismType.EMAIL, email);
    }

    private List<String> keysOf(String partyId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT match_key FROM party_match_key WHERE party_id = ? ORDER BY match_key")) {
            s.setLong(1, Long.parseLong(partyId));
            try (ResultSet rs = s.executeQuery()) {
                List<String> keys = new ArrayList<>();
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
                return keys;
            }
        }
    }

    @Test
    void theDefaultRulesShipWithTheSchema() {
        List<String> keys = rules.list().stream().map(r -> r.key).toList();
        assertTrue(keys.containsAll(List.of("person-email", "organization-email", "person-phone-last-name", "person-name-address",
                "person-name-employer", "organization-name-address")), keys.toString());
    }

    @Test
    void keysFollowThePartyThroughCreateUpdateAndDelete() throws SQLException {
        String word = unique();
        PartyDTO created = core.parties.create(person("Iris", "Keys" + word, "iris." + word + "@Example.com"));
        assertEquals(List.of("person-email|iris." + word + "@example.com"), keysOf(created.id));

        PartyDTO changed = core.parties.get(created.id);
        changed.contactMechanisms.get(0).value = "iris2." + word + "@example.com";
        MatchRuleTest.with(changed, ContactMechanismType.PHONE, "06 11 22 33 44");
        core.parties.update(created.id, changed.version, changed);
        assertEquals(List.of("person-email|iris2." + word + "@example.com", "person-phone-last-name|+33611223344|keys" + word),
                keysOf(created.id));

        core.parties.delete(created.id, null);
        assertEquals(List.of(), keysOf(created.id));
    }

    @Test
    void aCreateWithTheEmailOfAStoredPartyIsWarnedWithTheCandidateUnlessConfirmed() {
        String word = unique();
        PartyDTO stored = core.parties.create(person("Hélène", "Warned" + word, "helene." + word + "@example.com"));

        DuplicateFoundException warned = assertThrows(DuplicateFoundException.class,
                () -> core.parties.create(person("Helene", "Other" + word, "HELENE." + word + "@EXAMPLE.COM")));
        assertFalse(warned.blocked());
        assertEquals(1, warned.candidates().size());
        assertEquals(stored.id, warned.candidates().get(0).id);
        assertEquals("person-email", warned.candidates().get(0).rule);
        assertEquals(1.0, warned.candidates().get(0).score, 1e-9);

        PartyDTO confirmed = core.parties.create(person("Helene", "Other" + word, "helene." + word + "@example.com"), true);
        assertTrue(Long.parseLong(confirmed.id) > 0);
    }

    @Test
    void anUpdateIsNotItsOwnDuplicateButIsCheckedAgainstOthers() {
        String word = unique();
        PartyDTO first = core.parties.create(person("Ada", "One" + word, "ada." + word + "@example.com"));
        PartyDTO second = core.parties.create(person("Ada", "Two" + word, "ada2." + word + "@example.com"));
        PartyDTO renamed = core.parties.get(first.id);
        renamed.jobTitle = "Engineer";
        core.parties.update(first.id, renamed.version, renamed);

        PartyDTO clash = core.parties.get(second.id);
        clash.contactMechanisms.get(0).value = "ADA." + word + "@example.com";
        DuplicateFoundException warned = assertThrows(DuplicateFoundException.class, () -> core.parties.update(second.id, clash.version, clash));
        assertEquals(first.id, warned.candidates().get(0).id);
        PartyDTO confirmed = core.parties.update(second.id, clash.version, clash, true);

        confirmed.jobTitle = "Architect";
        core.parties.update(second.id, confirmed.version, confirmed);
        assertEquals("Architect", core.parties.get(second.id).jobTitle, "a confirmed duplicate is not warned again at each change");
    }

    @Test
    void closeNamesAtTheSameAddressOrWithTheSameEmployerAreCandidates() {
        String word = unique();
        PartyDTO stored = MatchRuleTest.at(MatchRuleTest.person("Jean-François", "Bérard" + word), "12 rue de la Paix", "75001");
        stored = core.parties.create(stored);
        PartyDTO typo = MatchRuleTest.at(MatchRuleTest.person("Jean Francois", "Berard" + word + "e"), "12, Rue de la Paix", "75 001");
        DuplicateFoundException warned = assertThrows(DuplicateFoundException.class, () -> core.parties.create(typo));
        assertEquals("person-name-address", warned.candidates().get(0).rule);
        assertTrue(warned.candidates().get(0).score >= 0.92 && warned.candidates().get(0).score < 1);

        PartyDTO employer = new PartyDTO();
        employer.type = PartyType.ORGANIZATION;
        employer.legalName = "Employer " + word;
        employer = core.parties.create(employer);
        PartyDTO colleague = core.parties.create(MatchRuleTest.person("Marie", "Curie" + word));
        core.parties.addRelationship(colleague.id, employment(employer.id));
        PartyDTO namesake = core.parties.create(MatchRuleTest.person("Pierre", "Curie" + word));
        core.parties.addRelationship(namesake.id, employment(employer.id));
        PartyDTO edit = core.parties.get(namesake.id);
        edit.firstName = "Marie";
        DuplicateFoundException sameEmployer = assertThrows(DuplicateFoundException.class, () -> core.parties.update(namesake.id, edit.version, edit));
        assertEquals(colleague.id, sameEmployer.candidates().get(0).id);
        assertEquals("person-name-employer", sameEmployer.candidates().get(0).rule);
    }

    private static PartyRelationshipDTO employment(String organizationId) {
        PartyRelationshipDTO r = new PartyRelationshipDTO();
        r.type = "EMPLOYEE_OF";
        r.toPartyId = organizationId;
        return r;
    }

    @Test
    void aBlockingRuleCannotBeOverriddenAndItsKeysCoverPartiesStoredBeforeIt() {
        String word = unique();
        PartyDTO org = new PartyDTO();
        org.type = PartyType.ORGANIZATION;
        org.legalName = "Registered " + word;
        org.registrationNumber = "RN " + word;
        PartyDTO stored = core.parties.create(org);
        DuplicateRuleDTO rule = new DuplicateRuleDTO();
        rule.partyType = PartyType.ORGANIZATION;
        rule.action = DuplicateAction.BLOCK;
        rule.fields = List.of(new MatchFieldDTO("registrationNumber", MatchMethod.NORMALIZED, null));
        try {
            rules.put("test-registration-" + word.substring(0, 6), null, rule);
            PartyDTO again = new PartyDTO();
            again.type = PartyType.ORGANIZATION;
            again.legalName = "Another name " + word;
            again.registrationNumber = "rn" + word.toUpperCase();
            DuplicateFoundException blocked = assertThrows(DuplicateFoundException.class, () -> core.parties.create(again, true));
            assertTrue(blocked.blocked());
            assertEquals(stored.id, blocked.candidates().get(0).id);
        } finally {
            rules.delete("test-registration-" + word.substring(0, 6));
        }
    }

    @Test
    void anInvalidRuleIsRefusedNamingTheField() {
        DuplicateRuleDTO rule = new DuplicateRuleDTO();
        rule.partyType = PartyType.PERSON;
        rule.action = DuplicateAction.WARN;
        rule.fields = List.of(new MatchFieldDTO("email", MatchMethod.NORMALIZED, null), new MatchFieldDTO("name", MatchMethod.FUZZY, 2.0));
        ValidationException refused = assertThrows(ValidationException.class, () -> rules.put("bad-threshold", null, rule));
        assertEquals("fields[1].threshold", refused.errors().get(0).field);
        assertTrue(rules.find("bad-threshold").isEmpty());
    }

    @Test
    void aCandidateOutsideTheCallersPerimeterIsCountedNotDescribed() {
        String word = unique();
        String email = "hidden." + word + "@example.com";
        core.parties.create(person("Hidden", "Stored" + word, email));
        OrgUnitDTO unit = new OrgUnitDTO();
        unit.code = "D" + word.substring(0, 6).toUpperCase();
        unit.name = "Branch " + word;
        unit.parentId = core.org.findOrgUnitByCode("HQ").orElseThrow().id;
        unit = core.org.createOrgUnit(unit);
        core.callers.bind(new Caller("agent-" + word, Set.of("agent"), Set.of(CorePermissions.PARTY_READ, CorePermissions.PARTY_WRITE), unit.id));
        try {
            PartyDTO mine = person("Hidden", "Mine" + word, email);
            mine.orgUnitId = unit.id;
            DuplicateFoundException warned = assertThrows(DuplicateFoundException.class, () -> core.parties.create(mine));
            assertEquals(List.of(), warned.candidates());
            assertEquals(1, warned.hiddenCandidates());
            assertTrue(warned.getMessage().contains("outside your perimeter"));
        } finally {
            core.callers.unbind();
        }
    }

    @Test
    void theImportReportNamesTheCandidatesOfRejectedAndFlaggedRows() {
        String word = unique();
        PartyDTO stored = core.parties.create(person("Imported", "Stored" + word, "imp." + word + "@example.com"));
        PartyDTO clash = person("Imported", "Clash" + word, "IMP." + word + "@example.com");
        clash.externalIds.put("test", "clash-" + word);
        PartyDTO fresh = person("Imported", "Fresh" + word, "fresh." + word + "@example.com");
        fresh.externalIds.put("test", "fresh-" + word);
        PartyDTO twin = person("Imported", "Twin" + word, "fresh." + word + "@example.com");
        twin.externalIds.put("test", "twin-" + word);

        ImportReport report = importer.importParties(List.of(ImportRow.of(1, clash), ImportRow.of(2, fresh), ImportRow.of(3, twin)).iterator());
        assertEquals(1, report.created);
        assertEquals(2, report.rejected);
        assertEquals(1, report.errors.get(0).line);
        assertEquals(List.of(stored.id), report.errors.get(0).duplicateOf);
        assertEquals("duplicateOf", report.errors.get(0).errors.get(0).field);
        assertEquals(3, report.errors.get(1).line);
        assertEquals(1, report.errors.get(1).duplicateOf.size(), "a row duplicating an earlier row of the same import");

        ImportReport allowed = importer.importParties(List.of(ImportRow.of(1, clash)).iterator(), true);
        assertEquals(1, allowed.created);
        assertEquals(1, allowed.duplicates.size());
        assertEquals(List.of(stored.id), allowed.duplicates.get(0).duplicateOf);

        ImportReport again = importer.importParties(List.of(ImportRow.of(1, clash)).iterator());
        assertEquals(1L, again.unchanged, "the same row again is unchanged, not refused");
    }
    @Test
    void aChunksKeysAreLookedUpAtOnceAndAKeyHeldTooOftenIsLeftToBeAskedAlone() throws SQLException {
        String word = unique();
        List<Long> holders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            holders.add(Long.valueOf(core.parties.create(person("Probe" + i, "Holder" + word, "probe" + i + "." + word + "@example.com")).id));
        }
        String shared = "probe:" + word;
        String unheld = "unheld:" + word;
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO party_match_key (party_id, match_key) VALUES (?, ?)")) {
            for (Long holder : holders) {
                insert.setLong(1, holder);
                insert.setString(2, shared);
                insert.executeUpdate();
            }
            MatchKeyTable table = new MatchKeyTable(c);
            java.util.Map<String, Set<Long>> found = table.holdersOfEach(List.of(shared, unheld), 2);
            assertEquals(2, found.get(shared).size(), "at most two per key");
            assertTrue(holders.containsAll(found.get(shared)));
            assertEquals(Set.of(), found.get(unheld), "looked up, held by nobody");
            assertEquals(java.util.Map.of(), table.holdersOfEach(List.of(shared, unheld), 1),
                    "3 rows for a bound of 1 per key on 2 keys: neither key is answered, each is asked alone later");
        }
    }

    @Test
    void anImportedPartyHasItsKeysOnceAndAChangedOneHasItsNewKeys() throws SQLException {
        String word = unique();
        PartyDTO row = person("Keyed", "Imported" + word, "keyed." + word + "@example.com");
        row.externalIds.put("test", "keyed-" + word);
        ImportReport created = importer.importParties(List.of(ImportRow.of(1, row)).iterator());
        assertEquals(1, created.created);
        org.tessera.crm.core.api.party.PartyQuery byWord = new org.tessera.crm.core.api.party.PartyQuery();
        byWord.q = "Imported" + word;
        String id = core.parties.search(byWord).items.get(0).id;
        List<String> keys = keysOf(id);
        assertEquals(keys.size(), new java.util.HashSet<>(keys).size(), "each key once: " + keys);
        assertEquals(List.of("person-email|keyed." + word + "@example.com"), keys);

        PartyDTO changed = person("Keyed", "Imported" + word, "changed." + word + "@example.com");
        changed.externalIds.put("test", "keyed-" + word);
        assertEquals(1, importer.importParties(List.of(ImportRow.of(1, changed)).iterator()).updated);
        assertEquals(List.of("person-email|changed." + word + "@example.com"), keysOf(id), "the old e-mail's key is replaced");
    }
    @Test
    void aNodeDoesNotRebuildTheKeysWhileAnotherHoldsTheRebuildAndTakesItOverOnceItsLeaseLapsed() throws Exception {
        core.parties.create(person("Leased", "Rebuild" + unique(), "leased." + unique() + "@example.com"));
        keyState("UPDATE duplicate_key_state SET signature = 'stale', rebuild_by = 'a-node-that-stopped', rebuild_until = ?",
                java.time.Instant.now().plusSeconds(3600));
        PartyDuplicates node = new PartyDuplicates(core.tx, callingCode("33"), java.time.Duration.ofMinutes(2));
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Long> rebuild = thread.submit(node::rebuildIfStale);
            assertThrows(java.util.concurrent.TimeoutException.class, () -> rebuild.get(1500, java.util.concurrent.TimeUnit.MILLISECONDS),
                    "no rebuild while another node's lease runs");
            assertEquals("stale", keyState("SELECT signature FROM duplicate_key_state WHERE id = 1"));

            keyState("UPDATE duplicate_key_state SET rebuild_until = ?", java.time.Instant.now().minusSeconds(1));
            rebuild.get(60, java.util.concurrent.TimeUnit.SECONDS);
            node.rebuildLater().get(60, java.util.concurrent.TimeUnit.SECONDS); // and the one it started on activation
            assertFalse("stale".equals(keyState("SELECT signature FROM duplicate_key_state WHERE id = 1")), "rebuilt once the lease lapsed");
            assertEquals(null, keyState("SELECT rebuild_by FROM duplicate_key_state WHERE id = 1"), "and released");
        } finally {
            thread.shutdownNow();
            node.deactivate();
        }
    }

    /** Runs an update of the key state with one timestamp, or reads one string of it. */
    private String keyState(String sql, java.time.Instant... at) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (at.length > 0) {
                s.setTimestamp(1, java.sql.Timestamp.from(at[0]));
                s.executeUpdate();
                return null;
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
