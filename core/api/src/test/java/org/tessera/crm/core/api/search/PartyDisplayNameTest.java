package org.tessera.crm.core.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;

class PartyDisplayNameTest {
    private static PartyDTO party(PartyType type) {
        PartyDTO p = new PartyDTO();
        p.type = type;
        return p;
    }

    @Test
    void personJoinsFirstAndLastName() {
        PartyDTO p = party(PartyType.PERSON);
        p.firstName = " Anne ";
        p.lastName = "Martin";
        assertEquals("Anne Martin", PartySearchTerms.displayName(p));
        p.firstName = null;
        assertEquals("Martin", PartySearchTerms.displayName(p));
        p.firstName = "Anne";
        p.lastName = " ";
        assertEquals("Anne", PartySearchTerms.displayName(p));
    }

    @Test
    void organizationAndHouseholdUseTheirNames() {
        PartyDTO org = party(PartyType.ORGANIZATION);
        org.legalName = "ACME SA";
        org.name = "ignored";
        assertEquals("ACME SA", PartySearchTerms.displayName(org));
        PartyDTO household = party(PartyType.HOUSEHOLD);
        household.name = "Famille Martin";
        assertEquals("Famille Martin", PartySearchTerms.displayName(household));
        assertNull(PartySearchTerms.displayName(new PartyDTO()));
    }
}
