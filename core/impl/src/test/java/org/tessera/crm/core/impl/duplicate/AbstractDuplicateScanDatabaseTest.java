package org.tessera.crm.core.impl.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.duplicate.DuplicateScanDTO;
import org.tessera.crm.core.api.duplicate.DuplicateScanService;
import org.tessera.crm.core.api.duplicate.DuplicateSetDTO;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The batch duplicate scan against every supported database: sets joined through chains of
 * matches, a dismissed set not proposed again, the caller's perimeter in the listing, and a scan
 * interrupted by a stop marked failed at the next start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDuplicateScanDatabaseTest {
    private TestDatabase database;
    private CoreServices core;
    private PartyDuplicates duplicates;
    private DuplicateScanServiceImpl scans;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        core = new CoreServices(database);
        duplicates = new PartyDuplicates(core.tx, AbstractDuplicatesDatabaseTest.callingCode("33"));
        duplicates.rebuildLater().get();
        core.parties.setDuplicates(duplicates);
        scans = newService();
    }

    private DuplicateScanServiceImpl newService() {
        return new DuplicateScanServiceImpl(core.tx, duplicates, core.callers, core.scope, new AuditTrail(core.callers));
    }

    @AfterAll
    void stop() throws Exception {
        scans.deactivate();
        duplicates.deactivate();
        core.close();
        database.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private PartyDTO stored(String first, String last, String email, String phone, String orgUnitId) {
        PartyDTO person = MatchRuleTest.person(first, last);
        if (email != null) {
            MatchRuleTest.with(person, ContactMechanismType.EMAIL, email);
        }
        if (phone != null) {
            MatchRuleTest.with(person, ContactMechanismType.PHONE, phone);
        }
        person.orgUnitId = orgUnitId;
        return core.parties.create(person, true);
    }

    private DuplicateScanDTO scanToTheEnd() {
        DuplicateScanDTO queued = scans.start(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            DuplicateScanDTO scan = scans.find(queued.id).orElseThrow();
            if (scan.state == DuplicateScanDTO.State.DONE || scan.state == DuplicateScanDTO.State.FAILED) {
                assertEquals(DuplicateScanDTO.State.DONE, scan.state, scan.error);
                return scan;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("scan " + queued.id + " did not end within 60 s");
    }

    private List<DuplicateSetDTO> everySet(String scanId) {
        List<DuplicateSetDTO> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = scans.sets(scanId, null, 2, cursor); // small pages: the cursor is exercised
            all.addAll(page.items);
            cursor = page.nextCursor;
        } while (cursor != null);
        return all;
    }

    private static Optional<DuplicateSetDTO> setOf(List<DuplicateSetDTO> sets, String partyId) {
        return sets.stream().filter(set -> set.members.stream().anyMatch(m -> m.partyId.equals(partyId))).findFirst();
    }

    private static Set<String> memberIds(DuplicateSetDTO set) {
        return set.members.stream().map(m -> m.partyId).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aScanJoinsChainsOfMatchesIntoSetsAndADismissedSetIsNotProposedAgain() throws SQLException {
        String w = unique();
        // Ada and ADA share an email; ADA and Adah share a phone and a last name: one set of three, through the chain
        PartyDTO ada = stored("Ada", "Chain" + w, "ada." + w + "@example.com", null, null);
        PartyDTO ada2 = stored("ADA", "Chain" + w, "ADA." + w + "@Example.com", "06 12 34 56 78", null);
        PartyDTO adah = stored("Adah", "Chain" + w, null, "+33 6 12 34 56 78", null);
        PartyDTO bo = stored("Bo", "Pair" + w, "bo." + w + "@example.com", null, null);
        PartyDTO bo2 = stored("Bo", "Other" + w, "BO." + w + "@example.com", null, null);
        PartyDTO alone = stored("Cy", "Alone" + w, "cy." + w + "@example.com", null, null);

        DuplicateScanDTO scan = scanToTheEnd();
        List<DuplicateSetDTO> sets = everySet(scan.id);
        DuplicateSetDTO chain = setOf(sets, ada.id).orElseThrow(() -> new AssertionError("no set holds " + ada.id + ": " + sets.size()));
        assertEquals(Set.of(ada.id, ada2.id, adah.id), memberIds(chain));
        assertEquals(2, chain.pairs.size(), "the two matches that join the chain");
        assertTrue(chain.pairs.stream().anyMatch(p -> p.rule.equals("person-email")));
        assertTrue(chain.pairs.stream().anyMatch(p -> p.rule.equals("person-phone-last-name")));
        DuplicateSetDTO pair = setOf(sets, bo.id).orElseThrow();
        assertEquals(Set.of(bo.id, bo2.id), memberIds(pair));
        assertEquals(1.0, pair.bestScore);
        assertTrue(setOf(sets, alone.id).isEmpty(), "a party that matches nobody is in no set");
        assertTrue(scan.candidatePairs >= 3 && scan.matchedPairs >= 3 && scan.sets >= 2, "counts: " + scan.candidatePairs
                + " candidates, " + scan.matchedPairs + " matched, " + scan.sets + " sets");
        assertTrue(scan.partiesScanned >= 6);

        DuplicateSetDTO dismissed = scans.dismiss(scan.id, pair.id);
        assertEquals(DuplicateSetDTO.Status.DISMISSED, dismissed.status);
        assertEquals(List.of(pair.id), scans.sets(scan.id, DuplicateSetDTO.Status.DISMISSED, 50, null).items.stream()
                .map(set -> set.id).filter(pair.id::equals).toList());
        assertEquals(1, auditRecords(scan.id + "/" + pair.id), "the dismissal is audited");

        DuplicateScanDTO again = scanToTheEnd();
        List<DuplicateSetDTO> later = everySet(again.id);
        assertTrue(setOf(later, bo.id).isEmpty(), "a dismissed pair is not proposed again");
        assertEquals(Set.of(ada.id, ada2.id, adah.id), memberIds(setOf(later, ada.id).orElseThrow()));
        assertTrue(again.dismissedPairs >= 1, "the dismissed pair is counted: " + again.dismissedPairs);
        assertEquals(1, auditRecords(again.id), "starting a scan is audited");
    }

    @Test
    void aScopedCallerSeesOnlySetsWhosePartiesAreAllInItsPerimeter() {
        String w = unique();
        OrgUnitDTO unit = new OrgUnitDTO();
        unit.code = "S" + w.substring(0, 6).toUpperCase();
        unit.name = "Branch " + w;
        unit.parentId = core.org.findOrgUnitByCode("HQ").orElseThrow().id;
        unit = core.org.createOrgUnit(unit);
        PartyDTO mine = stored("Dee", "Mine" + w, "dee." + w + "@example.com", null, unit.id);
        PartyDTO mineToo = stored("Dee", "MineToo" + w, "DEE." + w + "@example.com", null, unit.id);
        PartyDTO inside = stored("Eve", "Inside" + w, "eve." + w + "@example.com", null, unit.id);
        PartyDTO outside = stored("Eve", "Outside" + w, "EVE." + w + "@example.com", null, null);
        DuplicateScanDTO scan = scanToTheEnd();

        core.callers.bind(new Caller("reviewer-" + w, Set.of("agent"), Set.of(CorePermissions.DUPLICATES_ADMIN), unit.id));
        try {
            List<DuplicateSetDTO> visible = everySet(scan.id);
            assertEquals(Set.of(mine.id, mineToo.id), memberIds(setOf(visible, mine.id).orElseThrow()));
            assertTrue(setOf(visible, inside.id).isEmpty(), "a set with a party outside the perimeter is not shown");
            assertTrue(visible.stream().allMatch(set -> set.members.stream().noneMatch(m -> m.partyId.equals(outside.id))));
        } finally {
            core.callers.unbind();
        }
        assertTrue(setOf(everySet(scan.id), inside.id).isPresent(), "an unrestricted caller sees it");
    }

    @Test
    void anUnknownPartyTypeIsRefusedNamingTheField() {
        ValidationException refused = assertThrows(ValidationException.class, () -> scans.start("ROBOT"));
        assertEquals("partyType", refused.errors().get(0).field);
    }

    @Test
    void aScanLeftRunningByAStopIsMarkedFailedAtTheNextStart() throws Exception {
        long id;
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO duplicate_scan (id, state, requested_at) VALUES (?, 'RUNNING', ?)")) {
            id = 9_000_000L + (System.nanoTime() & 0xffff);
            s.setLong(1, id);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        DuplicateScanServiceImpl restarted = newService();
        try {
            DuplicateScanDTO scan = restarted.find(String.valueOf(id)).orElseThrow();
            assertEquals(DuplicateScanDTO.State.FAILED, scan.state);
            assertEquals(DuplicateScanServiceImpl.INTERRUPTED, scan.error);
        } finally {
            restarted.deactivate();
        }
    }

    @Test
    void aScanThatALiveNodeRunsIsLeftToItAndOneWhoseNodeDiedIsFailedWhenItsLeaseLapses() throws Exception {
        long id = 9_100_000L + (System.nanoTime() & 0xffff);
        boolean derby;
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO duplicate_scan (id, state, requested_at, claimed_by, claimed_until)"
                        + " VALUES (?, 'RUNNING', ?, 'node-a', ?)")) {
            derby = org.tessera.crm.core.impl.db.IdBlocks.isDerby(c);
            s.setLong(1, id);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setTimestamp(3, Timestamp.from(Instant.now().plus(DuplicateScanServiceImpl.LEASE)));
            s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        try {
            DuplicateScanServiceImpl other = newService(); // another node starts
            try {
                DuplicateScanDTO scan = other.find(String.valueOf(id)).orElseThrow();
                if (derby) {
                    // the embedded database has one node: what it finds unfinished at its start cannot be running
                    assertEquals(DuplicateScanDTO.State.FAILED, scan.state);
                    return;
                }
                assertEquals(DuplicateScanDTO.State.RUNNING, scan.state, "node A still holds it");
                assertThrows(org.tessera.crm.core.api.ConflictException.class, () -> other.start(null), "one scan at a time");
                // node A dies: once its lease lapsed, a scan asked on another node marks A's failed and runs
                try (Connection c = database.dataSource().getConnection();
                        PreparedStatement s = c.prepareStatement("UPDATE duplicate_scan SET claimed_until = ? WHERE id = ?")) {
                    s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
                    s.setLong(2, id);
                    s.executeUpdate();
                    if (!c.getAutoCommit()) {
                        c.commit();
                    }
                }
                DuplicateScanDTO queued = other.start(null);
                DuplicateScanDTO abandoned = other.find(String.valueOf(id)).orElseThrow();
                assertEquals(DuplicateScanDTO.State.FAILED, abandoned.state);
                assertEquals(DuplicateScanServiceImpl.INTERRUPTED, abandoned.error);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                DuplicateScanDTO ran = other.find(queued.id).orElseThrow();
                while (ran.state != DuplicateScanDTO.State.DONE && ran.state != DuplicateScanDTO.State.FAILED && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                    ran = other.find(queued.id).orElseThrow();
                }
                assertEquals(DuplicateScanDTO.State.DONE, ran.state, ran.error);
            } finally {
                other.deactivate();
            }
        } finally {
            try (Connection c = database.dataSource().getConnection();
                    PreparedStatement s = c.prepareStatement("UPDATE duplicate_scan SET state = 'FAILED' WHERE id = ? AND state = 'RUNNING'")) {
                s.setLong(1, id);
                s.executeUpdate();
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        }
    }

    private long auditRecords(String entityId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM audit_record WHERE entity_type = ? AND entity_id = ?")) {
            s.setString(1, DuplicateScanService.ENTITY_TYPE);
            s.setString(2, entityId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
