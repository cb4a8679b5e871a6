package org.tessera.crm.core.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.party.PartyDTO;

class EventPropertiesTest {
    private static PartyDTO party(String lastName, long version) {
        PartyDTO p = new PartyDTO();
        p.lastName = lastName;
        p.version = version;
        return p;
    }

    @Test
    void anUpdateNamesTheFieldsItChangedButNotTheVersionNorTheIgnoredOnes() {
        PartyDTO before = party("Martin", 1);
        PartyDTO after = party("Dupont", 2);
        after.firstName = "Léa";
        after.displayName = "Léa Dupont";
        Map<String, Object> properties = EventProperties.updated("PARTY", "7", 2L, before, after, "displayName");
        assertArrayEquals(new String[] {"firstName", "lastName"},
                java.util.Arrays.stream((String[]) properties.get(CoreEvents.CHANGED_FIELDS)).sorted().toArray(String[]::new));
        assertEquals(2L, properties.get(CoreEvents.VERSION));
        assertEquals("7", properties.get(CoreEvents.ID));
    }

    @Test
    void aWriteThatChangedNoValueNamesNoField() {
        Map<String, Object> properties = EventProperties.updated("PARTY", "7", 3L, party("Martin", 2), party("Martin", 3));
        assertArrayEquals(new String[0], (String[]) properties.get(CoreEvents.CHANGED_FIELDS));
    }
}
