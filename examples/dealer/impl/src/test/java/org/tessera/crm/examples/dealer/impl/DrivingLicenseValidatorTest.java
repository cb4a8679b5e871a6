package org.tessera.crm.examples.dealer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.party.PartyDTO;

class DrivingLicenseValidatorTest {
    private final DrivingLicenseValidator validator =
            new DrivingLicenseValidator(Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));

    private static PartyDTO driver(String licensed) {
        PartyDTO party = new PartyDTO();
        party.birthDate = LocalDate.of(2000, 5, 1);
        party.customFields.put(DealerCustomizations.DRIVING_LICENSE_DATE, licensed);
        return party;
    }

    @Test
    void aPlausibleLicenceDateIsAccepted() {
        assertTrue(validator.validate(driver("2018-06-01"), null).isEmpty());
        assertTrue(validator.validate(new PartyDTO(), null).isEmpty());
    }

    @Test
    void aFutureOrTooEarlyLicenceDateIsRejectedOnTheCustomField() {
        assertEquals("customFields.drivingLicenseDate", validator.validate(driver("2027-01-01"), null).get(0).field);
        assertEquals("customFields.drivingLicenseDate", validator.validate(driver("2010-01-01"), null).get(0).field);
    }
}
