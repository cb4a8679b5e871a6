package org.tessera.crm.examples.dealer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.examples.dealer.api.TestDriveDTO;
import org.tessera.crm.examples.dealer.api.VehicleDTO;

class VehicleRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static VehicleDTO clio() {
        VehicleDTO vehicle = new VehicleDTO();
        vehicle.vin = " vf1rja00x68123456 ";
        vehicle.make = "Renault";
        vehicle.model = "Clio";
        vehicle.modelYear = 2021;
        vehicle.ownerPartyId = "1001";
        return vehicle;
    }

    @Test
    void aValidVehicleIsNormalizedAndAccepted() {
        VehicleDTO vehicle = clio();
        VehicleRules.normalize(vehicle);
        assertEquals("VF1RJA00X68123456", vehicle.vin);
        assertEquals(List.of(), VehicleRules.check(vehicle, TODAY));
    }

    @Test
    void everyOffendingFieldIsNamed() {
        VehicleDTO vehicle = clio();
        vehicle.vin = "VF1RJA00O68123456"; // an O is never part of a VIN
        vehicle.make = " ";
        vehicle.modelYear = 2029;
        vehicle.ownerPartyId = null;
        vehicle.purchasedOn = TODAY.plusDays(1);
        vehicle.mileageKm = -5;
        assertEquals(List.of("vin", "make", "modelYear", "ownerPartyId", "purchasedOn", "mileageKm"), fields(VehicleRules.check(vehicle, TODAY)));
    }

    @Test
    void aTestDriveNeedsADriverAndAStartBeforeItsEnd() {
        TestDriveDTO drive = new TestDriveDTO();
        drive.startAt = Instant.parse("2026-11-22T10:00:00Z");
        drive.endAt = Instant.parse("2026-11-22T09:00:00Z");
        assertEquals(List.of("partyId", "endAt"), fields(VehicleRules.check(drive)));
    }

    @Test
    void timelineEntriesSitAtThePurchaseDate() {
        VehicleDTO vehicle = clio();
        vehicle.id = "7";
        vehicle.purchasedOn = LocalDate.of(2024, 3, 1);
        vehicle.createdAt = Instant.parse("2026-01-01T00:00:00Z");
        var entry = VehicleTimelineContributor.entry(vehicle);
        assertEquals("dealer:vehicle:7", entry.id);
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), entry.occurredAt);
        assertTrue(entry.title.startsWith("Renault Clio"));
        assertEquals("/dealer/vehicles/7", entry.href);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(error -> error.field).collect(Collectors.toList());
    }
}
