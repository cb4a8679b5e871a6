package org.tessera.crm.core.impl.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.kit.jpa.KeysetExport;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The export's read on every supported database: the list's criteria and the caller's perimeter in
 * the query, every row once in id order across batches, sensitive fields left out, bad criteria
 * refused before any row, and (where the database has snapshots) rows committed meanwhile unseen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractExportDatabaseTest {
    /** More than two batches in the agency A, so that the keyset crosses batch boundaries. */
    private static final int IN_A = 2 * KeysetExport.BATCH_SIZE + 7;
    private static final int IN_B = 5;

    private TestDatabase database;
    private CoreServices core;
    private final String word = "Exp" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String sensitiveKey = "risk" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private String agencyA;
    private final List<Long> idsA = new ArrayList<>();
    private final List<Long> idsB = new ArrayList<>();

    protected abstract TestDatabase startDatabase() throws Exception;

    /** Whether the database gives the export one snapshot (PostgreSQL: REPEATABLE READ). */
    protected abstract boolean snapshots();

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        core = new CoreServices(database);
        agencyA = unit("EXA", "Agency A");
        String agencyB = unit("EXB", "Agency B");
        CustomFieldDefinitionDTO risk = new CustomFieldDefinitionDTO();
        risk.entityType = "PARTY";
        risk.key = sensitiveKey;
        risk.type = CustomFieldType.STRING;
        risk.sensitive = true;
        core.customFields.define(risk);
        // interleaved, so that the perimeter is a condition of the query and not a range of ids
        for (int i = 0; i < IN_A + IN_B; i++) {
            boolean inB = i % 200 == 0 && idsB.size() < IN_B;
            String id = core.parties.create(person("N" + i, inB ? agencyB : agencyA)).id;
            (inB ? idsB : idsA).add(Long.valueOf(id));
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (core != null) {
            core.close();
        }
        database.close();
    }

    private String unit(String code, String name) {
        OrgUnitDTO unit = new OrgUnitDTO();
        unit.code = code + word.substring(3, 7);
        unit.name = name;
        unit.parentId = "1";
        return core.org.createOrgUnit(unit).id;
    }

    private PartyDTO person(String first, String orgUnitId) {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.firstName = first;
        p.lastName = word;
        p.orgUnitId = orgUnitId;
        p.birthDate = LocalDate.of(1980, 1, 2);
        p.customFields.put(sensitiveKey, "HIGH");
        return p;
    }

    private PartyQuery byWord() {
        PartyQuery query = new PartyQuery();
        query.q = word;
        return query;
    }

    private static <T> List<T> collect(RecordExport<T> export) throws IOException {
        List<T> records = new ArrayList<>();
        long count = export.forEach(records::add);
        assertEquals(records.size(), count);
        return records;
    }

    private static List<Long> ids(List<? extends Object> records) {
        return records.stream().map(r -> Long.valueOf(r instanceof PartyDTO p ? p.id : ((ActivityDTO) r).id)).toList();
    }

    private <T> T as(Caller caller, Supplier<T> work) {
        core.callers.bind(caller);
        try {
            return work.get();
        } finally {
            core.callers.unbind();
        }
    }

    private Caller agentOfA(String... permissions) {
        Set<String> granted = new HashSet<>(Set.of(CorePermissions.PARTY_READ, CorePermissions.PARTY_EXPORT,
                CorePermissions.ACTIVITY_READ, CorePermissions.ACTIVITY_EXPORT));
        granted.addAll(List.of(permissions));
        return new Caller("agent-a", Set.of("agent"), granted, agencyA);
    }

    @Test
    void everyMatchingPartyIsHandedOnceInIdOrderAcrossBatches() throws IOException {
        List<Long> exported = ids(collect(core.parties.export(byWord())));
        List<Long> expected = new ArrayList<>(idsA);
        expected.addAll(idsB);
        expected.sort(Comparator.naturalOrder());
        assertEquals(expected, exported);
    }

    @Test
    void theListsCriteriaApply() throws IOException {
        PartyQuery inB = byWord();
        inB.orgUnitId = String.valueOf(idsB.isEmpty() ? "" : core.parties.get(String.valueOf(idsB.get(0))).orgUnitId);
        assertEquals(idsB, ids(collect(core.parties.export(inB))));
        PartyQuery organizations = byWord();
        organizations.type = PartyType.ORGANIZATION;
        assertEquals(List.of(), collect(core.parties.export(organizations)));
    }

    @Test
    void anAgentGetsTheirPerimeterOnlyWithoutTheSensitiveFields() throws IOException {
        RecordExport<PartyDTO> export = as(agentOfA(), () -> core.parties.export(byWord()));
        assertFalse(export.customFieldKeys().contains(sensitiveKey), "no column for a field the agent may not read");
        // read as the runtime does: after the request's caller was unbound
        List<PartyDTO> parties = collect(export);
        assertEquals(idsA, ids(parties));
        for (PartyDTO party : parties) {
            assertNull(party.birthDate);
            assertFalse(party.customFields.containsKey(sensitiveKey));
        }
        RecordExport<PartyDTO> officer = as(agentOfA(CorePermissions.PARTY_SENSITIVE), () -> core.parties.export(byWord()));
        assertTrue(officer.customFieldKeys().contains(sensitiveKey));
        PartyDTO first = collect(officer).get(0);
        assertEquals(LocalDate.of(1980, 1, 2), first.birthDate);
        assertEquals("HIGH", first.customFields.get(sensitiveKey));
    }

    @Test
    void badCriteriaAreRefusedWhenTheExportIsPreparedBeforeAnyRow() {
        PartyQuery unknownField = byWord();
        unknownField.customFields.put("noSuchField" + word, "x");
        assertThrows(ValidationException.class, () -> core.parties.export(unknownField));
        PartyQuery sensitive = byWord();
        sensitive.customFields.put(sensitiveKey, "HIGH");
        assertThrows(ForbiddenException.class, () -> as(agentOfA(), () -> core.parties.export(sensitive)),
                "a filter on a field the caller may not read would be an oracle");
    }

    @Test
    void aPartyCreatedDuringTheExportIsNeverWrittenTwiceAndUnseenWithASnapshot() throws IOException {
        String late = "Late" + word;
        List<PartyDTO> exported = new ArrayList<>();
        List<String> created = new ArrayList<>();
        core.parties.export(byWord()).forEach(party -> {
            if (exported.isEmpty()) {
                // another transaction commits while the export is reading
                PartyDTO p = person(late, agencyA);
                created.add(CompletableFuture.supplyAsync(() -> core.parties.create(p).id).join());
            }
            exported.add(party);
        });
        List<Long> ids = ids(exported);
        assertEquals(new HashSet<>(ids).size(), ids.size(), "no row twice");
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.naturalOrder());
        assertEquals(sorted, ids);
        if (snapshots()) {
            assertFalse(ids.contains(Long.valueOf(created.get(0))), "committed after the snapshot was taken");
            assertEquals(IN_A + IN_B, ids.size());
        }
        core.parties.delete(created.get(0), null);
    }

    @Test
    void activitiesFollowTheirParticipantsPerimeterInIdOrder() throws IOException {
        List<Long> inA = new ArrayList<>();
        String subject = "Export call " + word;
        for (int i = 0; i < 3; i++) {
            inA.add(Long.valueOf(core.activities.create(call(subject, String.valueOf(idsA.get(i)))).id));
        }
        Long inB = Long.valueOf(core.activities.create(call(subject, String.valueOf(idsB.get(0)))).id);
        ActivityQuery ofWord = new ActivityQuery();
        ofWord.type = "CALL";
        List<ActivityDTO> all = collect(core.activities.export(ofWord)).stream().filter(a -> subject.equals(a.subject)).toList();
        List<Long> expected = new ArrayList<>(inA);
        expected.add(inB);
        expected.sort(Comparator.naturalOrder());
        assertEquals(expected, ids(all));
        RecordExport<ActivityDTO> agents = as(agentOfA(), () -> core.activities.export(ofWord));
        assertEquals(inA, ids(collect(agents).stream().filter(a -> subject.equals(a.subject)).toList()));
    }

    private static ActivityDTO call(String subject, String partyId) {
        ActivityDTO a = new ActivityDTO();
        a.type = "CALL";
        a.subject = subject;
        a.participants.add(partyId);
        return a;
    }
}
