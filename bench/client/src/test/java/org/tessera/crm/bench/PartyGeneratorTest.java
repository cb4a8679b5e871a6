package org.tessera.crm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;

class PartyGeneratorTest {
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aRowDependsOnlyOnTheSeedAndItsIndex() throws Exception {
        PartyGenerator one = new PartyGenerator(42, List.of("7", "8"), "1");
        PartyGenerator other = new PartyGenerator(42, List.of("7", "8"), "1");
        other.party(5);
        assertEquals(mapper.writeValueAsString(one.party(123_456)), mapper.writeValueAsString(other.party(123_456)));
        assertNotEquals(mapper.writeValueAsString(one.party(1)),
                mapper.writeValueAsString(new PartyGenerator(43, List.of("7", "8"), "1").party(1)));
    }

    @Test
    void theMixIsRealisticAndExternalIdsAreUnique() {
        PartyGenerator generator = new PartyGenerator(42, List.of("7"), "1");
        Set<String> externalIds = new HashSet<>();
        int persons = 0;
        boolean accented = false;
        boolean apostrophe = false;
        for (int i = 0; i < 2000; i++) {
            PartyDTO p = generator.party(i);
            externalIds.add(p.externalIds.get(PartyGenerator.EXTERNAL_SOURCE));
            if (p.type == PartyType.PERSON) {
                persons++;
                accented |= !PartyGenerator.ascii(p.lastName).equals(p.lastName.toLowerCase());
                apostrophe |= p.lastName.contains("'");
                assertTrue(p.contactMechanisms.get(0).value.endsWith("@example.com"));
            }
            assertTrue(!p.classifications.isEmpty() && p.customFields.containsKey("segment"));
        }
        assertEquals(2000, externalIds.size());
        assertEquals(1500, persons);
        assertTrue(accented && apostrophe);
    }
}
