package org.tessera.crm.core.impl.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.impl.testing.FakeLookups;
import org.tessera.crm.core.impl.validation.Candidate;

/** Every rule of a party write, reached through the one step that the party service and the import share. */
class PartyCandidatesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    /** Org units 1 (the head office), 5 and 6 exist; a restricted agent of unit 5 sees 5 only. */
    private static final PartyCandidates.Writer ADMIN = new PartyCandidates.Writer(true, Optional.of("1"), Optional.empty());
    private static final PartyCandidates.Writer AGENT = new PartyCandidates.Writer(false, Optional.of("5"), Optional.of(Set.of(5L)));

    private final FakeLookups lookups = new FakeLookups()
            .picklist("party-classification", "PROSPECT")
            .record("AGENT", 1).record("ORG_UNIT", 1, 5, 6);
    private final Map<String, CustomFieldDefinitionDTO> definitions = new LinkedHashMap<>();

    private PartyCandidates as(PartyCandidates.Writer writer) {
        return new PartyCandidates(lookups, TODAY, definitions, writer);
    }

    private void define(String key, CustomFieldType type, boolean required, boolean sensitive) {
        CustomFieldDefinitionDTO d = new CustomFieldDefinitionDTO();
        d.entityType = "PARTY";
        d.key = key;
        d.type = type;
        d.required = required;
        d.sensitive = sensitive;
        definitions.put(key, d);
    }

    private static PartyDTO person(String last) {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.firstName = "Anne";
        p.lastName = last;
        return p;
    }

    private static PartyDTO imported(String last, String externalId) {
        PartyDTO p = person(last);
        p.externalIds.put("erp", externalId);
        return p;
    }

    private static ContactMechanismDTO email(String id, String value) {
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.id = id;
        m.type = ContactMechanismType.EMAIL;
        m.value = value;
        return m;
    }

    /** A party as the service reads it back: id, version, org unit, mechanism ids. */
    private static PartyDTO stored(String orgUnitId) {
        PartyDTO p = person("Martin");
        p.id = "40";
        p.version = 3;
        p.orgUnitId = orgUnitId;
        p.displayName = "Anne Martin";
        p.contactMechanisms.add(email("400", "anne@example.com"));
        p.externalIds.put("erp", "E-40");
        return p;
    }

    private static List<String> fields(Candidate<PartyDTO> candidate) {
        return candidate.errors().stream().map(e -> e.field).toList();
    }

    @Test
    void aCreateIsAWritableCopyWithServerOwnedFieldsIgnoredAndDefaults() {
        PartyDTO draft = person("Martin");
        draft.id = "999";
        draft.version = 42;
        draft.displayName = "forged";
        PartyDTO candidate = as(ADMIN).create(draft).orThrow();
        assertNotSame(draft, candidate);
        assertNull(candidate.id);
        assertEquals(0L, candidate.version);
        assertEquals("Anne Martin", candidate.displayName);
        assertEquals(PartyStatus.ACTIVE, candidate.status);
        assertEquals("forged", draft.displayName, "what the client sent is left alone");
    }

    @Test
    void aNewPartysMechanismsAreNewRecordsWhateverIdsTheClientSent() {
        // the import used to keep them and insert the mechanism under the client's id
        PartyDTO draft = person("Martin");
        draft.contactMechanisms.add(email("400", "anne@example.com"));
        assertNull(as(ADMIN).create(draft).orThrow().contactMechanisms.get(0).id);
        PartyDTO row = imported("Martin", "E-1");
        row.contactMechanisms.add(email("400", "anne@example.com"));
        assertNull(as(ADMIN).imported(row, null).orThrow().contactMechanisms.get(0).id);
        assertEquals("400", draft.contactMechanisms.get(0).id, "what the client sent is left alone");
    }

    @Test
    void theCallersDefaultOrgUnitAppliesToWhatTheyCreateAndToEveryImportedRow() {
        assertEquals("5", as(AGENT).create(person("Martin")).orThrow().orgUnitId);
        PartyDTO elsewhere = person("Martin");
        elsewhere.orgUnitId = "6";
        assertEquals("6", as(ADMIN).create(elsewhere).orThrow().orgUnitId, "an org unit the client names is kept");

        PartyDTO cleared = stored("6");
        cleared.orgUnitId = null;
        assertNull(as(ADMIN).update(cleared, stored("6")).orThrow().orgUnitId,
                "an update by a client that read the party clears what it leaves out");
        assertEquals("1", as(ADMIN).imported(imported("Martin", "E-40"), stored("6")).orThrow().orgUnitId,
                "an imported row describes the party as a create does");
    }

    @Test
    void theOrgUnitMustBeInTheCallersPerimeter() {
        PartyDTO elsewhere = person("Martin");
        elsewhere.orgUnitId = "6";
        assertEquals(List.of("orgUnitId"), fields(as(AGENT).create(elsewhere)));
        PartyDTO moved = stored("5");
        moved.orgUnitId = "6";
        assertEquals(List.of("orgUnitId"), fields(as(AGENT).update(moved, stored("5"))));
        PartyDTO row = imported("Martin", "E-1");
        row.orgUnitId = "6";
        assertEquals(List.of("orgUnitId"), fields(as(AGENT).imported(row, null)));

        PartyDTO none = stored("5");
        none.orgUnitId = null;
        Candidate<PartyDTO> orphan = as(AGENT).update(none, stored("5"));
        assertEquals("an org unit is required", orphan.errors().get(0).message);
        assertTrue(as(ADMIN).update(none, stored("5")).isValid(), "an unrestricted caller may leave it empty");
        assertTrue(as(AGENT).update(stored("5"), stored("5")).isValid());
    }

    @Test
    void theCoreRulesAreChecked() {
        PartyDTO p = person(null);
        p.firstName = null;
        p.birthDate = TODAY.plusDays(1);
        p.classifications.add("NOPE");
        p.ownerId = "2";
        p.contactMechanisms.add(email(null, "not-an-email"));
        assertEquals(List.of("lastName", "birthDate", "classifications[0]", "contactMechanisms[0].value", "ownerId"),
                fields(as(ADMIN).create(p)));
    }

    @Test
    void anUpdateNamesOnlyItsOwnMechanismsAndAnImportedRowLetsTheImportMatchThem() {
        PartyDTO desired = stored("1");
        desired.contactMechanisms.add(email("401", "other@example.com"));
        Candidate<PartyDTO> foreign = as(ADMIN).update(desired, stored("1"));
        assertEquals(List.of("contactMechanisms[1].id"), fields(foreign));
        assertEquals("40", foreign.value().id);

        PartyDTO row = imported("Martin", "E-40");
        row.contactMechanisms.add(email("401", "other@example.com"));
        assertTrue(as(ADMIN).imported(row, stored("1")).isValid());
    }

    @Test
    void anImportedRowNeedsAnExternalIdAndASingleWriteDoesNot() {
        assertEquals(List.of("externalIds"), fields(as(ADMIN).imported(person("Martin"), null)));
        assertEquals("required", as(ADMIN).imported(person("Martin"), null).errors().get(0).code);
        assertTrue(as(ADMIN).create(person("Martin")).isValid());
        PartyDTO blank = imported("Martin", " ");
        assertEquals(List.of("externalIds.erp"), fields(as(ADMIN).create(blank)));
    }

    @Test
    void customValuesAreNormalizedAndChecked() {
        define("score", CustomFieldType.DECIMAL, false, false);
        define("segment", CustomFieldType.STRING, true, false);
        PartyDTO p = person("Martin");
        p.customFields.put("score", "12.50");
        p.customFields.put("segment", "SME");
        assertEquals(new BigDecimal("12.50"), as(ADMIN).create(p).orThrow().customFields.get("score"));

        p.customFields.remove("segment");
        p.customFields.put("nope", "x");
        assertEquals(List.of("customFields.nope", "customFields.segment"), fields(as(ADMIN).create(p)));
    }

    @Test
    void everyErrorIsCollectedInOneCandidate() {
        define("segment", CustomFieldType.STRING, true, false);
        PartyDTO p = person(null);
        p.firstName = null;
        p.orgUnitId = "6";
        ValidationException e = assertThrows(ValidationException.class, () -> as(AGENT).imported(p, null).orThrow());
        assertEquals(List.of("lastName", "orgUnitId", "externalIds", "customFields.segment"),
                e.errors().stream().map(error -> error.field).toList());
    }

    @Test
    void aCallerWithoutThePermissionCreatesWithoutTheSensitiveFields() {
        define("risk", CustomFieldType.STRING, false, true);
        PartyDTO p = person("Martin");
        p.birthDate = LocalDate.of(1980, 1, 2);
        p.customFields.put("risk", "HIGH");
        PartyDTO byAgent = as(AGENT).create(p).orThrow();
        assertNull(byAgent.birthDate);
        assertFalse(byAgent.customFields.containsKey("risk"));
        PartyDTO byAdmin = as(ADMIN).create(p).orThrow();
        assertEquals(LocalDate.of(1980, 1, 2), byAdmin.birthDate);
        assertEquals("HIGH", byAdmin.customFields.get("risk"));
        assertEquals(Set.of("birthDate", "customFields.risk"), as(AGENT).sensitiveFields().masked());
    }

    @Test
    void aCallerWithoutThePermissionUpdatesAroundTheStoredSensitiveValues() {
        define("risk", CustomFieldType.STRING, false, true);
        PartyDTO before = stored("5");
        before.birthDate = LocalDate.of(1980, 1, 2);
        before.customFields.put("risk", "HIGH");
        PartyDTO desired = stored("5");
        desired.customFields.put("risk", "LOW");
        desired.jobTitle = "Notaire";
        for (Candidate<PartyDTO> candidate : List.of(as(AGENT).update(desired, before),
                as(AGENT).imported(desired, before))) {
            PartyDTO after = candidate.orThrow();
            assertEquals(LocalDate.of(1980, 1, 2), after.birthDate);
            assertEquals("HIGH", after.customFields.get("risk"));
            assertEquals("Notaire", after.jobTitle);
        }
    }

    @Test
    void aRequiredSensitiveFieldIsNeededOnCreateAndKeptOrLeftAloneOnUpdate() {
        define("rating", CustomFieldType.STRING, true, true);
        assertEquals(List.of("customFields.rating"), fields(as(AGENT).create(person("Martin"))),
                "a new party needs it, which this caller cannot give");
        assertEquals(List.of("customFields.rating"), fields(as(AGENT).imported(imported("Martin", "E-1"), null)));

        PartyDTO rated = stored("5");
        rated.customFields.put("rating", "B+");
        assertEquals("B+", as(AGENT).update(stored("5"), rated).orThrow().customFields.get("rating"));

        // the single update used to refuse this one, naming a field the caller can neither see nor write
        PartyDTO unrated = stored("5");
        assertTrue(as(AGENT).update(stored("5"), unrated).isValid());
        assertTrue(as(AGENT).imported(stored("5"), unrated).isValid());
        assertEquals(List.of("customFields.rating"), fields(as(ADMIN).update(stored("5"), unrated)),
                "a caller who may write it must give it");
    }
}
