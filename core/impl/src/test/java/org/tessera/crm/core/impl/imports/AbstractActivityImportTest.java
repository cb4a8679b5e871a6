package org.tessera.crm.core.impl.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditQuery;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.imports.ExternalIdRef;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportedActivityDTO;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.spi.Validator;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.testkit.TestDatabase;

/** The activity importer and activity external ids, against every supported database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractActivityImportTest {
    private TestDatabase database;
    private CoreServices core;
    private ActivityImporter importer;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        core = new CoreServices(database);
        importer = new ActivityImporter(core.tx, core.validation, core.events, core.scope, new AuditTrail(core.callers));
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

    private PartyDTO party(String legacyId, String orgUnitId) {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.lastName = "Imported";
        p.orgUnitId = orgUnitId;
        p.externalIds.put("legacy", legacyId);
        return core.parties.create(p);
    }

    private static ImportedActivityDTO call(String externalId, String subject) {
        ImportedActivityDTO a = new ImportedActivityDTO();
        a.type = "CALL";
        a.subject = subject;
        a.endAt = Instant.parse("2024-03-01T09:30:00Z");
        a.externalIds.put("legacy", externalId);
        return a;
    }

    private static ImportedActivityDTO callWith(String externalId, String subject, String partyId) {
        ImportedActivityDTO a = call(externalId, subject);
        a.participants.add(partyId);
        return a;
    }

    private static ImportedActivityDTO callWithRef(String externalId, String subject, String partyLegacyId) {
        ImportedActivityDTO a = call(externalId, subject);
        a.participantExternalIds.add(new ExternalIdRef("legacy", partyLegacyId));
        return a;
    }

    private static List<ImportRow<ImportedActivityDTO>> rows(List<ImportedActivityDTO> activities) {
        List<ImportRow<ImportedActivityDTO>> rows = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            rows.add(ImportRow.of(i + 1, activities.get(i)));
        }
        return rows;
    }

    private ImportReport importRows(List<ImportedActivityDTO> activities) {
        return importer.importActivities(rows(activities).iterator());
    }

    private List<ActivityDTO> activitiesOf(String partyId) {
        ActivityQuery query = new ActivityQuery();
        query.partyId = partyId;
        query.limit = 200;
        return core.activities.search(query).items;
    }

    @Test
    void sameRowsTwiceCreateNothingNew() {
        String legacy = unique("C-");
        String partyId = party(legacy, "1").id;
        String prefix = unique("A-");
        List<ImportedActivityDTO> activities = new ArrayList<>();
        // more than one chunk, so that the second chunk finds rows the first one wrote
        for (int i = 0; i < ChunkedImport.CHUNK_ROWS + 10; i++) {
            activities.add(i % 2 == 0 ? callWith(prefix + i, "call " + i, partyId) : callWithRef(prefix + i, "call " + i, legacy));
        }
        ImportReport first = importRows(activities);
        assertEquals(0, first.rejected, () -> String.valueOf(first.errors.get(0).errors));
        assertEquals(ChunkedImport.CHUNK_ROWS + 10, first.created);
        assertEquals(CoreEvents.ACTIVITY_CREATED, core.events.last().topic());
        int events = core.events.posted.size();

        ImportReport second = importRows(activities);
        assertEquals(0, second.created);
        assertEquals(0, second.updated);
        assertEquals(0, second.rejected, () -> String.valueOf(second.errors.get(0).errors));
        assertEquals(ChunkedImport.CHUNK_ROWS + 10, second.unchanged);
        assertEquals(events, core.events.posted.size(), "an unchanged row posts no event");

        List<ActivityDTO> read = activitiesOf(partyId);
        assertEquals(200, read.size());
        ActivityDTO one = read.get(0);
        assertEquals(List.of(partyId), one.participants, "a party named by external id is the same participant");
        assertEquals(1, one.version);
        assertTrue(one.externalIds.get("legacy").startsWith(prefix));

        AuditQuery trail = new AuditQuery();
        trail.entityType = "ACTIVITY";
        trail.entityId = one.id;
        assertEquals(List.of(AuditAction.CREATE), core.audit.search(trail).items.stream().map(r -> r.action).toList());
    }

    @Test
    void aChangedRowUpdatesTheStoredActivity() {
        String partyId = party(unique("C-"), "1").id;
        String externalId = unique("U-");
        importRows(List.of(callWith(externalId, "Premier appel", partyId)));
        ImportedActivityDTO changed = callWith(externalId, "Premier appel, rappelé", partyId);
        changed.outcome = "CALL_BACK";
        ImportReport report = importRows(List.of(changed));
        assertEquals(1, report.updated, () -> String.valueOf(report.errors));
        ActivityDTO read = activitiesOf(partyId).get(0);
        assertEquals("Premier appel, rappelé", read.subject);
        assertEquals("CALL_BACK", read.outcome);
        assertEquals(2, read.version);
        assertEquals(CoreEvents.ACTIVITY_UPDATED, core.events.last().topic());
        AuditQuery trail = new AuditQuery();
        trail.entityType = "ACTIVITY";
        trail.entityId = read.id;
        assertTrue(core.audit.search(trail).items.stream().anyMatch(r -> r.action == AuditAction.UPDATE
                && r.changes.stream().anyMatch(c -> c.field.equals("subject"))));
    }

    @Test
    void everyRejectedRowIsReportedWithItsLineAndReasons() {
        String legacy = unique("C-");
        String partyId = party(legacy, "1").id;
        ImportedActivityDTO missingParty = callWith(unique("R-"), "missing party", "987654321");
        ImportedActivityDTO missingRef = callWithRef(unique("R-"), "missing ref", unique("nobody-"));
        ImportedActivityDTO badType = callWith(unique("R-"), "bad type", partyId);
        badType.type = "DANCE";
        ImportedActivityDTO noExternalId = callWith(unique("R-"), "no external id", partyId);
        noExternalId.externalIds.clear();
        List<ImportRow<ImportedActivityDTO>> input = new ArrayList<>(rows(List.of(callWithRef(unique("R-"), "good", legacy),
                missingParty, missingRef, badType, noExternalId)));
        input.add(ImportRow.unreadable(6, List.of(new FieldError("status", "invalid", "not one of PLANNED, DONE, CANCELLED"))));
        input.add(ImportRow.unreadable(7, List.of(new FieldError(null, "malformed", "not JSON"))));

        ImportReport report = importer.importActivities(input.iterator());
        assertEquals(1, report.created);
        assertEquals(6, report.rejected);
        assertEquals(7, report.total(), "every row is counted once");
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), report.errors.stream().map(r -> r.line).toList());
        assertEquals(List.of("participants[0]"), fields(report, 0));
        assertEquals(List.of("participantExternalIds[0]"), fields(report, 1));
        assertEquals(List.of("type"), fields(report, 2));
        assertEquals(List.of("externalIds"), fields(report, 3));
        assertEquals("status", report.errors.get(4).errors.get(0).field);
        assertEquals("malformed", report.errors.get(5).errors.get(0).code);
        assertEquals(1, activitiesOf(partyId).size(), "only the good row is written");
    }

    private static List<String> fields(ImportReport report, int index) {
        return report.errors.get(index).errors.stream().map(e -> e.field).distinct().toList();
    }

    @Test
    void aRestrictedCallerCannotNameAPartyOutsideTheirScope() {
        String mine = core.org.createOrgUnit(orgUnit(unique("MINE"))).id;
        String theirs = core.org.createOrgUnit(orgUnit(unique("THEIRS"))).id;
        String myLegacy = unique("M-");
        String theirLegacy = unique("T-");
        String myParty = party(myLegacy, mine).id;
        String theirParty = party(theirLegacy, theirs).id;
        String storedOutside = unique("S-");
        assertEquals(1, importRows(List.of(callWith(storedOutside, "theirs", theirParty))).created);

        Caller agent = new Caller("agent", Set.of("agent"), Set.of(CorePermissions.ACTIVITY_WRITE,
                CorePermissions.ACTIVITY_READ, CorePermissions.PARTY_READ), mine);
        core.callers.bind(agent);
        ImportReport report;
        try {
            report = importRows(List.of(callWithRef(unique("S-"), "mine", myLegacy),
                    callWith(unique("S-"), "by id", theirParty),
                    callWithRef(unique("S-"), "by ref", theirLegacy),
                    callWith(storedOutside, "taken over", myParty)));
        } finally {
            core.callers.unbind();
        }
        assertEquals(1, report.created, () -> String.valueOf(report.errors));
        assertEquals(List.of(2L, 3L, 4L), report.errors.stream().map(r -> r.line).toList());
        assertEquals(List.of("participants"), fields(report, 0));
        assertEquals(List.of("participants"), fields(report, 1));
        assertEquals("conflict", report.errors.get(2).errors.get(0).code, "a stored activity outside the scope is not matched");
        assertEquals("theirs", activitiesOf(theirParty).get(0).subject);
    }

    @Test
    void theServiceAndTheImportRefuseAPartyOutsideThePerimeterAlikeWithTheOtherErrorsAndBeforeAnyValidator() {
        String mine = core.org.createOrgUnit(orgUnit(unique("MINE"))).id;
        String theirs = core.org.createOrgUnit(orgUnit(unique("THEIRS"))).id;
        String myParty = party(unique("M-"), mine).id;
        String theirParty = party(unique("T-"), theirs).id;
        List<Object> validated = new ArrayList<>();
        Validator recording = (candidate, previous) -> {
            validated.add(candidate);
            return List.of();
        };
        core.validation.addValidator(recording, Map.of(Validator.ENTITY_TYPE, "ACTIVITY"));
        core.callers.bind(new Caller("agent", Set.of("agent"), Set.of(CorePermissions.ACTIVITY_WRITE,
                CorePermissions.ACTIVITY_READ, CorePermissions.PARTY_READ), mine));
        try {
            ImportedActivityDTO intruding = callWith(unique("P-"), null, myParty);
            intruding.participants.add(theirParty);
            List<String> byService = assertThrows(ValidationException.class, () -> core.activities.create(intruding))
                    .errors().stream().map(e -> e.field).toList();
            ImportReport byImport = importRows(List.of(intruding));
            assertEquals(List.of("subject", "participants"), byService);
            assertEquals(byService, fields(byImport, 0));

            intruding.subject = "otherwise valid";
            assertEquals("participants", assertThrows(ValidationException.class, () -> core.activities.create(intruding))
                    .errors().get(0).field);
            assertEquals(List.of("participants"), fields(importRows(List.of(intruding)), 0));
            assertEquals(List.of(), validated, "the registered validators run after the core's own checks only");
        } finally {
            core.callers.unbind();
            core.validation.removeValidator(recording);
        }
    }

    private static OrgUnitDTO orgUnit(String code) {
        OrgUnitDTO unit = new OrgUnitDTO();
        unit.code = code;
        unit.name = code;
        unit.parentId = "1";
        return unit;
    }

    @Test
    void externalIdsAreValidatedUniqueAndSetOnCreateAndUpdate() {
        String partyId = party(unique("C-"), "1").id;
        String externalId = unique("E-");
        ActivityDTO created = core.activities.create(callWith(externalId, "by the service", partyId));
        assertEquals(externalId, core.activities.get(created.id).externalIds.get("legacy"));

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> core.activities.create(callWith(externalId, "twice", partyId)));
        assertEquals("externalIds.legacy", conflict.field());

        ActivityDTO blank = callWith(unique("E-"), "blank", partyId);
        blank.externalIds.put("erp", " ");
        blank.externalIds.put("x".repeat(51), "1");
        List<String> fields = assertThrows(ValidationException.class, () -> core.activities.create(blank))
                .errors().stream().map(e -> e.field).toList();
        assertTrue(fields.containsAll(List.of("externalIds.erp", "externalIds." + "x".repeat(51))), fields.toString());

        ActivityDTO desired = core.activities.get(created.id);
        desired.externalIds.put("erp", "E-42");
        ActivityDTO updated = core.activities.update(created.id, desired.version, desired);
        assertEquals(2, updated.externalIds.size());

        ImportReport report = importRows(List.of(callWith(externalId, "by the service", partyId)));
        assertEquals(1, report.unchanged, "an import finds a record the service created; its other ids are kept");
    }
}
