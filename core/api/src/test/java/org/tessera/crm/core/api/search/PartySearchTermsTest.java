package org.tessera.crm.core.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;

class PartySearchTermsTest {
    @Test
    void normalizeLowersAndStripsAccents() {
        assertEquals("berard", SearchKeys.normalize("Bérard"));
        assertEquals("jean-francois", SearchKeys.normalize("  Jean-François "));
        assertEquals("zoe muller", SearchKeys.normalize("ZOÉ   Müller"));
    }

    @Test
    void apostrophesAreDeletedNotSeparators() {
        assertEquals("obrien", SearchKeys.normalize("O'Brien"));
        assertEquals("obrien", SearchKeys.normalize("O’Brien"));
        assertEquals(List.of("obrien"), PartySearchTerms.queryTokens("o'brien"));
    }

    @Test
    void emailCharactersAreKept() {
        assertEquals("jf.berard+crm@example.com", SearchKeys.normalize("JF.Bérard+crm@Example.com"));
    }

    @Test
    void termsCoverNamesWordsEmailsAndPhoneDigits() {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.firstName = "Jean-François";
        p.lastName = "Bérard";
        p.displayName = "Jean-François Bérard";
        p.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "JF.Berard@Example.com"));
        p.contactMechanisms.add(mechanism(ContactMechanismType.PHONE, "06 12-34.56 (78)"));
        Set<String> terms = PartySearchTerms.termsOf(p);
        assertTrue(terms.containsAll(Set.of("jean-francois", "jean", "francois", "berard",
                "jean-francois berard", "jf.berard@example.com", "0612345678", "612345678")), terms.toString());
    }

    @Test
    void phoneLikeTokensBecomeDigits() {
        assertEquals(List.of("0612", "berard"), PartySearchTerms.queryTokens(" 06.12  Bérard "));
        assertEquals(List.of("33612"), PartySearchTerms.queryTokens("+33(6)12"));
    }

    @Test
    void internationalNumbersAreAlsoFoundByTheirNationalForms() {
        assertEquals(Set.of("33478123456", "0478123456", "478123456"), PartySearchTerms.phoneTerms("+33 4 78 12 34 56"));
        assertEquals(Set.of("0041223334455", "41223334455", "0223334455", "223334455"), PartySearchTerms.phoneTerms("0041 22 333 44 55"));
        assertEquals(Set.of("33478123456"), PartySearchTerms.phoneTerms("+33478123456"));
    }

    @Test
    void aQueryThatIsOnlyAPhoneNumberIsOneToken() {
        assertEquals(List.of("0478123456"), PartySearchTerms.queryTokens("04 78 12 34 56"));
    }

    private static ContactMechanismDTO mechanism(ContactMechanismType type, String value) {
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.type = type;
        m.value = value;
        return m;
    }
}
