package org.tessera.crm.core.impl.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;

class FieldDiffsTest {
    private static final Set<String> IGNORED = Set.of("id", "version");

    @Test
    void anUpdateListsOnlyChangedFieldsWithOldAndNewValues() {
        PartyDTO before = party("Martin");
        PartyDTO after = party("Martin-Lévêque");
        after.version = 2;
        Map<String, FieldChangeDTO> changes = byField(FieldDiffs.between(before, after, IGNORED, Set.of()));
        assertEquals(Set.of("lastName"), changes.keySet());
        assertEquals("Martin", changes.get("lastName").oldValue);
        assertEquals("Martin-Lévêque", changes.get("lastName").newValue);
    }

    @Test
    void aCreateHasNoOldValuesAndSensitiveValuesAreMasked() {
        PartyDTO created = party("Martin");
        created.birthDate = LocalDate.of(1980, 1, 2);
        Map<String, FieldChangeDTO> changes = byField(FieldDiffs.between(null, created, IGNORED, Set.of("birthDate")));
        assertNull(changes.get("lastName").oldValue);
        assertEquals(FieldChangeDTO.MASK, changes.get("birthDate").newValue);
        assertNull(changes.get("birthDate").oldValue);
    }

    @Test
    void customFieldsAndNestedValuesAreComparedEntryByEntry() {
        PartyDTO before = party("Martin");
        before.customFields.put("segment", "GOLD");
        before.customFields.put("score", 3);
        PartyDTO after = party("Martin");
        after.customFields.put("segment", "SILVER");
        after.customFields.put("score", 3);
        ContactMechanismDTO email = new ContactMechanismDTO();
        email.value = "m@example.com";
        after.contactMechanisms.add(email);
        Map<String, FieldChangeDTO> changes = byField(FieldDiffs.between(before, after, IGNORED, Set.of("customFields.segment")));
        assertEquals(Set.of("customFields.segment", "contactMechanisms"), changes.keySet());
        assertEquals(FieldChangeDTO.MASK, changes.get("customFields.segment").oldValue);
        assertNull(changes.get("contactMechanisms").oldValue, "an empty list is no value");
        assertEquals(true, changes.get("contactMechanisms").newValue.contains("m@example.com"));
    }

    private static PartyDTO party(String lastName) {
        PartyDTO party = new PartyDTO();
        party.id = "1001";
        party.lastName = lastName;
        return party;
    }

    private static Map<String, FieldChangeDTO> byField(List<FieldChangeDTO> changes) {
        return changes.stream().collect(Collectors.toMap(change -> change.field, change -> change));
    }
}
