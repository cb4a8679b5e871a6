package org.tessera.crm.examples.dealer.impl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.tessera.crm.examples.dealer.api.VehicleDTO;

/** Entity ↔ value type; entities never leave this bundle. */
final class VehicleMapper {
    private VehicleMapper() {
    }

    static VehicleDTO toDto(VehicleEntity entity) {
        VehicleDTO dto = new VehicleDTO();
        dto.id = String.valueOf(entity.id);
        dto.vin = entity.vin;
        dto.make = entity.make;
        dto.model = entity.model;
        dto.modelYear = entity.modelYear;
        dto.registration = entity.registration;
        dto.ownerPartyId = String.valueOf(entity.ownerPartyId);
        dto.purchasedOn = entity.purchasedOn;
        dto.mileageKm = entity.mileageKm;
        dto.manufacturerCode = entity.manufacturerCode();
        dto.version = entity.version;
        dto.createdAt = toInstant(entity.createdAt);
        dto.updatedAt = toInstant(entity.updatedAt);
        return dto;
    }

    /** Copies the client-writable fields; id, version and timestamps stay the server's. */
    static void copyWritable(VehicleDTO from, VehicleEntity to) {
        to.vin = from.vin;
        to.make = from.make;
        to.model = from.model;
        to.modelYear = from.modelYear;
        to.registration = from.registration;
        to.ownerPartyId = Long.parseLong(from.ownerPartyId);
        to.purchasedOn = from.purchasedOn;
        to.mileageKm = from.mileageKm;
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant toInstant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
