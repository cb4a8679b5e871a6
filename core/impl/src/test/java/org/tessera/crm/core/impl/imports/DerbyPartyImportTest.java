package org.tessera.crm.core.impl.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditQuery;
import org.tessera.crm.core.api.audit.AuditRecordDTO;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.spi.Validator;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.testkit.TestDatabase;

/** The importer against embedded Derby: upsert decisions, per-row errors, chunking. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DerbyPartyImportTest {
    private TestDatabase database;
    private CoreServices core;
    private PartyImporter importer;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.derby();
        core = new CoreServices(database);
        importer = new PartyImporter(core.tx, core.validation, core.events, core.callers, core.scope,
                new AuditTrail(core.callers));
    }

    @AfterAll
    void stop() throws Exception {
        core.close();
        database.close();
    }

    private static PartyDTO person(String source, String key, String last) {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.firstName = "Hélène";
        p.lastName = last;
        p.classifications.add("PROSPECT");
        ContactMechanismDTO email = new ContactMechanismDTO();
        email.type = ContactMechanismType.EMAIL;
        email.value = key.toLowerCase() + "@example.com";
        email.primary = true;
        p.contactMechanisms.add(email);
        p.externalIds.put(source, key);
        return p;
    }

    private static List<ImportRow<PartyDTO>> rows(List<PartyDTO> parties) {
        List<ImportRow<PartyDTO>> rows = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            rows.add(ImportRow.of(i + 1, parties.get(i)));
        }
        return rows;
    }

    private long count(String q) {
        PartyQuery query = new PartyQuery();
        query.q = q;
        query.limit = 200;
        return core.parties.search(query).items.size();
    }

    @Test
    void sameRowsTwiceCreateNothingNew() {
        List<PartyDTO> parties = new ArrayList<>();
        // more than one chunk, so that the second chunk finds rows the first one wrote
        for (int i = 0; i < PartyImporter.CHUNK_ROWS + 20; i++) {
            parties.add(person("twice", "T" + i, "O'Twice"));
        }
        ImportReport first = importer.importParties(rows(parties).iterator());
        assertEquals(PartyImporter.CHUNK_ROWS + 20, first.created);
        assertEquals(0, first.rejected, () -> String.valueOf(first.errors.get(0).errors));
        int events = core.events.posted.size();
        ImportReport second = importer.importParties(rows(parties).iterator());
        assertEquals(0, second.created);
        assertEquals(0, second.updated);
        assertEquals(PartyImporter.CHUNK_ROWS + 20, second.unchanged);
        assertEquals(events, core.events.posted.size(), "an unchanged row posts no event");

        PartyDTO read = core.parties.search(byExternal("t7")).items.get(0);
        assertEquals("Hélène O'Twice", read.displayName);
        assertEquals(1, read.version);
        assertEquals("t7@example.com", read.contactMechanisms.get(0).value);
    }

    private static PartyQuery byExternal(String local) {
        PartyQuery query = new PartyQuery();
        query.q = local + "@example";
        query.limit = 10;
        return query;
    }

    @Test
    void aChangedRowUpdatesTheStoredParty() {
        importer.importParties(rows(List.of(person("upd", "U1", "Lefèvre"))).iterator());
        PartyDTO changed = person("upd", "U1", "Lefèvre-Brûlé");
        changed.classifications.add("CUSTOMER");
        ImportReport report = importer.importParties(rows(List.of(changed)).iterator());
        assertEquals(1, report.updated);
        PartyDTO read = core.parties.search(byExternal("u1")).items.get(0);
        assertEquals("Hélène Lefèvre-Brûlé", read.displayName);
        assertEquals(2, read.version);
        assertEquals(2, read.classifications.size());
        assertEquals(CoreEvents.PARTY_UPDATED, core.events.last().topic());

        // the import's batched audit records read back like any other, newest first
        AuditQuery trail = new AuditQuery();
        trail.entityType = "PARTY";
        trail.entityId = read.id;
        List<AuditRecordDTO> records = core.audit.search(trail).items;
        assertEquals(List.of(AuditAction.UPDATE, AuditAction.CREATE), records.stream().map(r -> r.action).toList());
        FieldChangeDTO lastName = records.get(0).changes.stream().filter(c -> c.field.equals("lastName")).findFirst().orElseThrow();
        assertEquals("Lefèvre", lastName.oldValue);
        assertEquals("Lefèvre-Brûlé", lastName.newValue);
        // a write through JPA afterwards draws its audit id from the same sequence without a collision
        core.parties.delete(read.id, null);
        assertEquals(AuditAction.DELETE, core.audit.search(trail).items.get(0).action);
    }

    @Test
    void everyRejectedRowIsReportedWithItsLineAndField() {
        PartyDTO noName = person("bad", "B1", null);
        noName.firstName = null;
        PartyDTO noExternalId = person("bad", "B2", "Sans");
        noExternalId.externalIds.clear();
        PartyDTO badClass = person("bad", "B3", "Classe");
        badClass.classifications.add("NOPE");
        List<ImportRow<PartyDTO>> input = new ArrayList<>(rows(List.of(person("bad", "B0", "Bon"), noName,
                noExternalId, badClass)));
        input.add(ImportRow.unreadable(5, List.of(new FieldError(null, "malformed", "not JSON"))));
        ImportReport report = importer.importParties(input.iterator());
        assertEquals(1, report.created);
        assertEquals(4, report.rejected);
        assertEquals(List.of(2L, 3L, 4L, 5L), report.errors.stream().map(r -> r.line).toList());
        assertEquals("lastName", report.errors.get(0).errors.get(0).field);
        assertEquals("externalIds", report.errors.get(1).errors.get(0).field);
        assertTrue(report.errors.get(2).errors.stream().anyMatch(e -> e.field.startsWith("classifications")));
        assertEquals("malformed", report.errors.get(3).errors.get(0).code);
    }

    @Test
    void aLaterLineOfTheSameFileUpdatesWhatAnEarlierOneCreated() {
        ImportReport report = importer.importParties(rows(List.of(person("dup", "D1", "Premier"),
                person("dup", "D1", "Second"), person("dup", "D1", "Second"))).iterator());
        assertEquals(1, report.created);
        assertEquals(1, report.updated);
        assertEquals(1, report.unchanged);
        assertEquals(1, count("d1@example"));
        assertEquals("Hélène Second", core.parties.search(byExternal("d1")).items.get(0).displayName);
    }

    @Test
    void twoLinesChangingOneStoredPartyLeaveTheLastLinesState() {
        importer.importParties(rows(List.of(person("twolines", "L1", "Avant"))).iterator());
        PartyDTO first = person("twolines", "L1", "Milieu");
        PartyDTO last = person("twolines", "L1", "Après");
        last.classifications.add("CUSTOMER");
        ImportReport report = importer.importParties(rows(List.of(first, last)).iterator());
        assertEquals(2, report.updated);
        PartyDTO read = core.parties.search(byExternal("l1")).items.get(0);
        assertEquals("Hélène Après", read.displayName);
        assertEquals(2, read.version, "one chunk, one write of the party");
        assertEquals(2, read.classifications.size());
    }

    @Test
    void aPartyChangedWhileItsChunkRunsIsImportedOverTheNewStateNotTheOneReadFirst() {
        importer.importParties(rows(List.of(person("race", "R1", "Initiale"))).iterator());
        String id = core.parties.search(byExternal("r1")).items.get(0).id;
        // another writer commits after the chunk has read the party and before it writes it
        AtomicBoolean interfered = new AtomicBoolean();
        Validator interferer = (candidate, previous) -> {
            if (previous != null && interfered.compareAndSet(false, true)) {
                CompletableFuture.runAsync(() -> {
                    PartyDTO current = core.parties.get(id);
                    current.jobTitle = "concurrent";
                    core.parties.update(id, current.version, current);
                }).join();
            }
            return List.of();
        };
        core.validation.addValidator(interferer, new Hashtable<>(Map.of(Validator.ENTITY_TYPE, "PARTY")));
        ImportReport report;
        try {
            report = importer.importParties(rows(List.of(person("race", "R1", "Importée"))).iterator());
        } finally {
            core.validation.removeValidator(interferer);
        }
        assertTrue(interfered.get());
        assertEquals(1, report.updated, () -> String.valueOf(report.errors));
        PartyDTO read = core.parties.get(id);
        assertEquals("Hélène Importée", read.displayName);
        assertEquals(3, read.version);
        // the row states the whole party: it replaced the concurrent job title, and its audit record says so
        AuditQuery trail = new AuditQuery();
        trail.entityType = "PARTY";
        trail.entityId = id;
        AuditRecordDTO imported = core.audit.search(trail).items.get(0);
        FieldChangeDTO jobTitle = imported.changes.stream().filter(c -> c.field.equals("jobTitle")).findFirst()
                .orElseThrow(() -> new AssertionError("the import's audit record misses the job title it replaced: " + imported.changes));
        assertEquals("concurrent", jobTitle.oldValue);
    }

    @Test
    void externalIdsOfTwoPartiesInOneRowAreRejected() {
        importer.importParties(rows(List.of(person("two", "A", "Un"), person("two", "B", "Deux"))).iterator());
        PartyDTO merged = person("two", "A", "Un");
        merged.externalIds.put("other", "x");
        ImportReport first = importer.importParties(rows(List.of(merged)).iterator());
        assertEquals(1, first.updated, "a new external id of another source is merged in");

        PartyDTO stealing = person("two", "B", "Vol");
        stealing.externalIds.put("other", "x");
        ImportReport second = importer.importParties(rows(List.of(stealing)).iterator());
        assertEquals(1, second.rejected);
        assertEquals("externalIds", second.errors.get(0).errors.get(0).field);
        assertEquals("conflict", second.errors.get(0).errors.get(0).code);
    }

    @Test
    void aNewPartyGetsNewMechanismIdsWhateverIdsTheRowCarries() {
        importer.importParties(rows(List.of(person("mid", "M1", "Premier"))).iterator());
        String taken = core.parties.search(byExternal("m1")).items.get(0).contactMechanisms.get(0).id;
        PartyDTO copying = person("mid", "M2", "Second");
        copying.contactMechanisms.get(0).id = taken;
        ImportReport report = importer.importParties(rows(List.of(copying)).iterator());
        assertEquals(1, report.created, () -> String.valueOf(report.errors.get(0).errors));
        assertTrue(!taken.equals(core.parties.search(byExternal("m2")).items.get(0).contactMechanisms.get(0).id),
                "as a single create, the row's mechanism ids are ignored");
        assertEquals(taken, core.parties.search(byExternal("m1")).items.get(0).contactMechanisms.get(0).id);
    }
}
