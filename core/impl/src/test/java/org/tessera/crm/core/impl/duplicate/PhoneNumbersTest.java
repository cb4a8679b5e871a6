package org.tessera.crm.core.impl.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
    private final PhoneNumbers france = new PhoneNumbers("33");

    @Test
    void writesInternationalNumbersWithoutPunctuation() {
        assertEquals("+33612345678", france.toE164("+33 6 12 34 56 78"));
        assertEquals("+33612345678", france.toE164("+33.6.12.34.56.78"));
        assertEquals("+442079460958", france.toE164("+44 (20) 7946-0958"));
    }

    @Test
    void dropsTheTrunkZeroWrittenInParenthesesAfterTheCountryCode() {
        assertEquals("+33612345678", france.toE164("+33 (0)6 12 34 56 78"));
    }

    @Test
    void readsTheDoubleZeroInternationalPrefix() {
        assertEquals("+33612345678", france.toE164("0033 6 12 34 56 78"));
        assertEquals("+41446681800", france.toE164("00 41 44 668 18 00"));
    }

    @Test
    void placesNationalNumbersInTheDefaultCountryWithoutTheirTrunkZero() {
        assertEquals("+33612345678", france.toE164("06 12 34 56 78"));
        assertEquals("+33478123456", france.toE164("04-78-12-34-56"));
    }

    @Test
    void keepsTheLeadingZeroWhereTheCountryKeepsIt() {
        assertEquals("+390612345678", new PhoneNumbers("+39").toE164("06 1234 5678"));
    }

    @Test
    void readsNorthAmericanNumbers() {
        PhoneNumbers us = new PhoneNumbers("1");
        assertEquals("+15551234567", us.toE164("(555) 123-4567"));
        assertEquals("+15551234567", us.toE164("1 555 123 4567"));
        assertEquals("+33612345678", us.toE164("011 33 6 12 34 56 78"));
    }

    @Test
    void ignoresAnExtension() {
        assertEquals("+33478123456", france.toE164("04 78 12 34 56 ext. 12"));
        assertEquals("+33478123456", france.toE164("04 78 12 34 56 poste 3"));
    }

    @Test
    void answersNothingForWhatIsNoPhoneNumber() {
        assertNull(france.toE164(null));
        assertNull(france.toE164(""));
        assertNull(france.toE164("1-800-FLOWERS"));
        assertNull(france.toE164("12 34"));
        assertNull(france.toE164("+1234567890123456"));
        assertNull(france.toE164("06 12 + 34"));
    }

    @Test
    void refusesADefaultCallingCodeThatIsNone() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers("0"));
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers("FR"));
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers("1234"));
    }
}
