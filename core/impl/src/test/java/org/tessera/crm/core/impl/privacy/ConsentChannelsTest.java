package org.tessera.crm.core.impl.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ConsentChannelsTest {

    @Test
    void anOptedOutPhoneWithdrawsCallsAndTextMessages() {
        assertEquals(Set.of("PHONE", "SMS"), ConsentChannels.channelsOf("PHONE"));
        assertEquals(Set.of("EMAIL"), ConsentChannels.channelsOf("EMAIL"));
        assertEquals(Set.of(), ConsentChannels.channelsOf("FAX"));
    }

    @Test
    void purposesAreShortLowerCaseCodes() {
        assertTrue(ConsentChannels.validPurpose("marketing"));
        assertTrue(ConsentChannels.validPurpose("service-surveys"));
        assertFalse(ConsentChannels.validPurpose("Marketing"));
        assertFalse(ConsentChannels.validPurpose("1st"));
        assertFalse(ConsentChannels.validPurpose("a".repeat(51)));
        assertFalse(ConsentChannels.validPurpose(null));
    }
}
