package org.tessera.crm.core.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;

class ChangedFieldsTest {
    private static PartyDTO party(String email) {
        PartyDTO p = new PartyDTO();
        p.lastName = "Martin";
        p.version = 1;
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.value = email;
        p.contactMechanisms.add(m);
        return p;
    }

    @Test
    void nestedDtosCompareByValue() {
        PartyDTO before = party("a@example.com");
        PartyDTO same = party("a@example.com");
        same.version = 2;
        assertArrayEquals(new String[0], ChangedFields.between(before, same, Set.of("version")));
        PartyDTO other = party("b@example.com");
        other.lastName = "Dupont";
        assertArrayEquals(new String[] {"lastName", "contactMechanisms"},
                ChangedFields.between(before, other, Set.of("version")));
    }
}
