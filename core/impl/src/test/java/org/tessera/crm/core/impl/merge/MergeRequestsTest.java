package org.tessera.crm.core.impl.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.merge.MergeRequestDTO;

class MergeRequestsTest {
    private static MergeRequestDTO request(List<String> victims) {
        MergeRequestDTO request = new MergeRequestDTO();
        request.victims = victims;
        return request;
    }

    private static String refusedField(String survivor, MergeRequestDTO request) {
        return assertThrows(ValidationException.class, () -> MergeRequests.check(survivor, request)).errors().get(0).field;
    }

    @Test
    void acceptsDistinctVictimsOtherThanTheSurvivor() {
        MergeRequests.Checked checked = MergeRequests.check("10", request(List.of("11", "012")));
        assertEquals("10", checked.survivor());
        assertEquals(List.of("11", "12"), checked.victims());
    }

    @Test
    void refusesNoVictimTooManyAndBadOnesNamingTheField() {
        assertEquals("victims", refusedField("10", null));
        assertEquals("victims", refusedField("10", request(List.of())));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= MergeRequestDTO.MAX_VICTIMS; i++) {
            many.add(Integer.toString(100 + i));
        }
        assertEquals("victims", refusedField("10", request(many)));
        assertEquals("victims[1]", refusedField("10", request(List.of("11", "x"))));
        assertEquals("victims[0]", refusedField("10", request(List.of("10"))));
        assertEquals("victims[1]", refusedField("10", request(List.of("11", "11"))));
    }

    @Test
    void aMalformedSurvivorIsNotFound() {
        assertThrows(NotFoundException.class, () -> MergeRequests.check("abc", request(List.of("11"))));
    }
}
