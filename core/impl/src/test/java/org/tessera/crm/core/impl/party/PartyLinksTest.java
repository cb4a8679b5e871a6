package org.tessera.crm.core.impl.party;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PartyLinksTest {
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate JUN = LocalDate.of(2026, 6, 1);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 1);

    @Test
    void periodsWithExclusiveEndsOverlapOnlyWhenTheyShareADay() {
        assertFalse(PartyLinks.overlaps(JAN, JUN, JUN, DEC));
        assertTrue(PartyLinks.overlaps(JAN, DEC, JUN, null));
        assertTrue(PartyLinks.overlaps(null, null, JUN, DEC));
        assertFalse(PartyLinks.overlaps(JUN, null, JAN, JUN));
    }
}
