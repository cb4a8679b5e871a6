package org.tessera.crm.core.impl.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MatchTextTest {

    @Test
    void foldsCaseAccentsAndLettersWithoutDecomposition() {
        assertEquals("helene berard", MatchText.fold("Hélène BÉRARD"));
        assertEquals("jorgen oehler", MatchText.fold("Jørgen Œhler"));
        assertEquals("lodz", MatchText.fold("Łódź"));
        assertEquals("strasse", MatchText.fold("Straße"));
    }

    @Test
    void collapsesPunctuationAndWhiteSpace() {
        assertEquals("jean francois d arc", MatchText.fold("  Jean-François   d'Arc. "));
        assertEquals("12 rue de la paix", MatchText.fold("12, rue   de la Paix"));
        assertNull(MatchText.fold(" -- . "));
        assertNull(MatchText.fold(null));
    }

    @Test
    void compactsCodesIntoOneToken() {
        assertEquals("sw1a1aa", MatchText.compact("SW1A 1AA"));
        assertEquals("552120222", MatchText.compact("552 120 222"));
    }

    @Test
    void lowerCasesAndTrimsEmailAddressesKeepingTheirLocalPart() {
        assertEquals("jf.berard+crm@example.com", MatchText.email("  JF.Berard+CRM@Example.COM "));
        assertNull(MatchText.email("   "));
    }
}
