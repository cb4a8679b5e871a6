package org.tessera.crm.core.impl.party;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContactRulesTest {
    @Test
    void emails() {
        assertTrue(ContactRules.isEmail("jf.berard+crm@mail.example.com"));
        assertFalse(ContactRules.isEmail("jf..berard@example.com"));
        assertFalse(ContactRules.isEmail("no-at.example.com"));
        assertFalse(ContactRules.isEmail("a@localhost"));
    }

    @Test
    void phonesNeedSixToTwentyDigits() {
        assertTrue(ContactRules.isPhone("+33 (0)6 12.34-56"));
        assertFalse(ContactRules.isPhone("12345"));
        assertFalse(ContactRules.isPhone("1".repeat(21)));
        assertFalse(ContactRules.isPhone("0612345678 ext"));
    }

    @Test
    void webUrlsAndCountries() {
        assertTrue(ContactRules.isWebUrl("https://www.example.com/path"));
        assertFalse(ContactRules.isWebUrl("www.example.com"));
        assertFalse(ContactRules.isWebUrl("mailto:a@example.com"));
        assertTrue(ContactRules.isCountry("FR"));
        assertFalse(ContactRules.isCountry("fr"));
        assertFalse(ContactRules.isCountry("FRA"));
    }
}
