package org.tessera.crm.core.impl.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.sync.FieldMetaDTO;
import org.tessera.crm.core.api.sync.PartySyncDTO;

class FieldMergeTest {
    private static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aNewerChangeWins() {
        assertTrue(FieldMerge.takes("new", "old", new FieldStamp(T2, "mail"), new FieldStamp(T1, "backoffice"), Optional.empty()));
    }

    @Test
    void anOlderChangeLoses() {
        assertFalse(FieldMerge.takes("new", "old", new FieldStamp(T1, "mail"), new FieldStamp(T2, "backoffice"), Optional.empty()));
    }

    @Test
    void atEqualTimesTheStoredValueStays() {
        assertFalse(FieldMerge.takes("new", "old", new FieldStamp(T1, "mail"), new FieldStamp(T1, "backoffice"), Optional.empty()));
    }

    @Test
    void anEqualValueIsNoChangeWhateverItsTime() {
        assertFalse(FieldMerge.takes("same", "same", new FieldStamp(T2, "mail"), new FieldStamp(T1, "backoffice"), Optional.empty()));
        assertFalse(FieldMerge.takes(null, null, new FieldStamp(T2, "mail"), new FieldStamp(T1, null), Optional.empty()));
    }

    @Test
    void clearingAFieldIsAChange() {
        assertTrue(FieldMerge.takes(null, "old", new FieldStamp(T2, "mail"), new FieldStamp(T1, "backoffice"), Optional.empty()));
    }

    @Test
    void theReferenceApplicationWinsEvenWithAnOlderChange() {
        assertTrue(FieldMerge.takes("new", "old", new FieldStamp(T1, "backoffice"), new FieldStamp(T2, "mail"), Optional.of("backoffice")));
    }

    @Test
    void anotherSystemNeverReplacesTheReferenceValue() {
        assertFalse(FieldMerge.takes("new", "old", new FieldStamp(T2, "mail"), new FieldStamp(T1, "backoffice"), Optional.of("backoffice")));
    }

    @Test
    void withoutTheReferenceInvolvedTheMostRecentWins() {
        assertTrue(FieldMerge.takes("new", "old", new FieldStamp(T2, "mail"), new FieldStamp(T1, "api"), Optional.of("backoffice")));
        assertFalse(FieldMerge.takes("new", "old", new FieldStamp(T1, "mail"), new FieldStamp(T2, "api"), Optional.of("backoffice")));
    }

    @Test
    void aFieldNeverDatedIsAsOldAsTheRecordsLastUpdate() {
        assertTrue(FieldMerge.takes("new", "old", new FieldStamp(T2, "mail"), new FieldStamp(T1, null), Optional.empty()));
        assertFalse(FieldMerge.takes("new", "old", new FieldStamp(T1, "mail"), new FieldStamp(T2, null), Optional.empty()));
    }

    @Test
    void aFieldsOwnReferenceBeatsItsGroups() {
        ReferenceApplications references = ReferenceApplications.fromConfiguration(Map.of(
                "reference.address", "backoffice", "reference.postal[BILLING]", "billing", "reference.custom.tier", "shop",
                "reference.name", " crm ", "reference.phone", "", "service.pid", "org.tessera.crm.sync"));
        assertEquals(Optional.of("backoffice"), references.of("postal[SHIPPING]"));
        assertEquals(Optional.of("billing"), references.of("postal[BILLING]"));
        assertEquals(Optional.of("shop"), references.of("custom.tier"));
        assertEquals(Optional.of("crm"), references.of("lastName"));
        assertEquals(Optional.empty(), references.of("phone[MOBILE]"));
        assertEquals(Optional.empty(), references.of("status"));
    }

    @Test
    void theFieldsOfAPartyAreKeyedByNameMechanismAndCustomKey() {
        PartyDTO party = person();
        party.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "WORK", "b@example.org"));
        party.contactMechanisms.add(mechanism(ContactMechanismType.WEB, null, "https://example.org"));
        Map<String, String> values = PartyFields.values(party);
        assertEquals("Ada", values.get("firstName"));
        assertEquals("a@example.org", values.get("email[WORK]").split("\\|")[0]);
        assertEquals("b@example.org", values.get("email[WORK]#2").split("\\|")[0]);
        assertTrue(values.containsKey("web[]"));
        assertEquals("gold", values.get("custom.tier"));
        assertEquals("42", values.get("externalIds[erp]"));
        assertTrue(PartyFields.isKey("email[WORK]#2"));
        assertFalse(PartyFields.isKey("email[WORK]#1"));
        assertFalse(PartyFields.isKey("displayName"));
    }

    @Test
    void aSyncTakesOnlyTheNewerOfTheFieldsItNames() {
        PartyDTO stored = person();
        stored.updatedAt = T1;
        PartyDTO incoming = person();
        incoming.firstName = "Augusta";
        incoming.lastName = "Byron";
        incoming.jobTitle = "ignored: not named";
        incoming.contactMechanisms.get(0).value = "ada@new.example.org";
        PartySyncDTO request = new PartySyncDTO();
        request.party = incoming;
        request.fieldModifiedAt = Map.of("firstName", T2, "lastName", T1, "email[WORK]", T2);
        Map<String, FieldMetaDTO> meta = Map.of("lastName", new FieldMetaDTO("lastName", T2, "backoffice"));
        PartySyncRequests.Merge merge = PartySyncRequests.merge(request, stored, person(), "mail", meta, new FieldStamp(T1, null), ReferenceApplications.NONE,
                Set.of("tier"), Set.of());
        assertEquals(Set.of("firstName", "email[WORK]"), merge.taken().keySet());
        assertEquals("Augusta", merge.party().firstName);
        assertEquals("Lovelace", merge.party().lastName);
        assertEquals(null, merge.party().jobTitle);
        assertEquals("ada@new.example.org", merge.party().contactMechanisms.get(0).value);
        assertEquals("m1", merge.party().contactMechanisms.get(0).id, "a replaced mechanism keeps its id");
        assertEquals(new FieldStamp(T2, "mail"), merge.taken().get("firstName"));
    }

    @Test
    void aSyncOfTheStoredValuesTakesNothing() {
        PartyDTO stored = person();
        stored.updatedAt = T1;
        PartySyncDTO request = new PartySyncDTO();
        request.party = person();
        request.fieldModifiedAt = Map.of("firstName", T2, "email[WORK]", T2, "custom.tier", T2);
        PartySyncRequests.Merge merge = PartySyncRequests.merge(request, stored, person(), "mail", Map.of(), new FieldStamp(T1, null), ReferenceApplications.NONE,
                Set.of("tier"), Set.of());
        assertTrue(merge.taken().isEmpty());
    }

    @Test
    void theSensitiveFieldsOfACallerWithoutThePermissionAreLeftAlone() {
        PartyDTO stored = person();
        stored.updatedAt = T1;
        PartySyncDTO request = new PartySyncDTO();
        request.party = person();
        request.party.customFields.put("tier", "silver");
        request.fieldModifiedAt = Map.of("custom.tier", T2);
        assertTrue(PartySyncRequests.merge(request, stored, person(), "mail", Map.of(), new FieldStamp(T1, null), ReferenceApplications.NONE, Set.of("tier"),
                Set.of("custom.tier")).taken().isEmpty());
    }

    @Test
    void aBadRequestNamesTheField() {
        PartySyncDTO request = new PartySyncDTO();
        request.party = person();
        request.fieldModifiedAt = Map.of("displayName", T1, "lastName", NOW.plusSeconds(3600));
        ValidationException refused = assertThrows(ValidationException.class, () -> PartySyncRequests.validate(request, NOW));
        assertEquals(Set.of("fieldModifiedAt.displayName", "fieldModifiedAt.lastName"),
                Set.copyOf(refused.errors().stream().map(error -> error.field).toList()));
        PartySyncDTO unknownCustom = new PartySyncDTO();
        unknownCustom.party = person();
        unknownCustom.fieldModifiedAt = Map.of("custom.nope", T1);
        ValidationException custom = assertThrows(ValidationException.class, () -> PartySyncRequests.merge(unknownCustom, person(),
                person(), "mail", Map.of(), new FieldStamp(T1, null), ReferenceApplications.NONE, Set.of("tier"), Set.of()));
        assertEquals(List.of("fieldModifiedAt.custom.nope"), custom.errors().stream().map(error -> error.field).toList());
        assertThrows(ValidationException.class, () -> PartySyncRequests.validate(new PartySyncDTO(), NOW));
    }

    private static PartyDTO person() {
        PartyDTO party = new PartyDTO();
        party.id = "1";
        party.type = PartyType.PERSON;
        party.firstName = "Ada";
        party.lastName = "Lovelace";
        party.externalIds.put("erp", "42");
        party.customFields.put("tier", "gold");
        ContactMechanismDTO email = mechanism(ContactMechanismType.EMAIL, "WORK", "a@example.org");
        email.id = "m1";
        party.contactMechanisms.add(email);
        return party;
    }

    private static ContactMechanismDTO mechanism(ContactMechanismType type, String purpose, String value) {
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.type = type;
        m.purpose = purpose;
        m.value = value;
        return m;
    }
}
