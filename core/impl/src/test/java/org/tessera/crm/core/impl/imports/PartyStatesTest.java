package org.tessera.crm.core.impl.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.impl.party.PartyMapper;

class PartyStatesTest {

    private static PartyDTO stored() {
        PartyDTO p = new PartyDTO();
        p.id = "1001";
        p.type = PartyType.PERSON;
        p.lastName = "D'Arcy";
        p.classifications.add("CUSTOMER");
        p.externalIds.put("erp", "C-1");
        p.externalIds.put("web", "w-9");
        p.customFields.put("score", 12L);
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.id = "2001";
        m.type = ContactMechanismType.EMAIL;
        m.value = "d.arcy@example.com";
        p.contactMechanisms.add(m);
        return PartyMapper.writableCopy(p);
    }

    private static PartyDTO row() {
        PartyDTO p = stored();
        p.externalIds = new java.util.LinkedHashMap<>(Map.of("erp", "C-1"));
        p.contactMechanisms.get(0).id = null;
        p.customFields.put("score", new BigDecimal("12.0"));
        return p;
    }

    @Test
    void aRowEqualToTheStoredPartyIsUnchanged() {
        PartyDTO stored = stored();
        stored.id = "1001";
        stored.contactMechanisms.get(0).id = "2001";
        PartyDTO candidate = row();
        PartyStates.adopt(candidate, stored);
        assertEquals("1001", candidate.id);
        assertEquals("2001", candidate.contactMechanisms.get(0).id, "an equal mechanism keeps its record");
        assertEquals(Map.of("erp", "C-1", "web", "w-9"), candidate.externalIds, "ids of other sources are kept");
        assertTrue(PartyStates.sameState(candidate, stored));
    }

    @Test
    void aChangedFieldOrMechanismIsAnUpdate() {
        PartyDTO stored = stored();
        stored.contactMechanisms.get(0).id = "2001";
        PartyDTO renamed = row();
        renamed.lastName = "Darcy";
        PartyStates.adopt(renamed, stored);
        assertFalse(PartyStates.sameState(renamed, stored));

        PartyDTO newEmail = row();
        newEmail.contactMechanisms.get(0).value = "new@example.com";
        PartyStates.adopt(newEmail, stored);
        assertNull(newEmail.contactMechanisms.get(0).id, "a different mechanism is a new record");
        assertFalse(PartyStates.sameState(newEmail, stored));

        PartyDTO reclassified = row();
        reclassified.classifications.add("PARTNER");
        PartyStates.adopt(reclassified, stored);
        assertFalse(PartyStates.sameState(reclassified, stored));
    }

    @Test
    void keysNameSourceAndValue() {
        assertEquals(java.util.List.of("erp\u0000C-1"), ExternalIdIndex.keys(Map.of("erp", "C-1")));
    }
}
