package org.tessera.crm.examples.dealer.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.examples.dealer.api.TestDriveDTO;
import org.tessera.crm.examples.dealer.api.VehicleDTO;

/** Field rules of vehicles and test drives; every offending field is reported at once. */
final class VehicleRules {
    /** ISO 3779: 17 characters; I, O and Q are never used, to avoid confusion with 1 and 0. */
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final int FIRST_MODEL_YEAR = 1886;

    private VehicleRules() {
    }

    /** Upper-cases and trims the VIN so that the uniqueness check cannot be fooled by case. */
    static void normalize(VehicleDTO vehicle) {
        if (vehicle.vin != null) {
            vehicle.vin = vehicle.vin.trim().toUpperCase(Locale.ROOT);
        }
        if (vehicle.registration != null) {
            vehicle.registration = vehicle.registration.trim().toUpperCase(Locale.ROOT);
        }
    }

    static List<FieldError> check(VehicleDTO vehicle, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (vehicle.vin == null || vehicle.vin.isBlank()) {
            errors.add(FieldError.required("vin"));
        } else if (!VIN.matcher(vehicle.vin).matches()) {
            errors.add(FieldError.invalid("vin", "must be 17 letters and digits, without I, O or Q"));
        }
        requireText(errors, "make", vehicle.make, 80);
        requireText(errors, "model", vehicle.model, 80);
        if (vehicle.modelYear != null && (vehicle.modelYear < FIRST_MODEL_YEAR || vehicle.modelYear > today.getYear() + 1)) {
            errors.add(FieldError.invalid("modelYear", "must be between " + FIRST_MODEL_YEAR + " and " + (today.getYear() + 1)));
        }
        if (vehicle.registration != null && vehicle.registration.length() > 20) {
            errors.add(FieldError.invalid("registration", "must be at most 20 characters"));
        }
        if (vehicle.ownerPartyId == null || vehicle.ownerPartyId.isBlank()) {
            errors.add(FieldError.required("ownerPartyId"));
        }
        if (vehicle.purchasedOn != null && vehicle.purchasedOn.isAfter(today)) {
            errors.add(FieldError.invalid("purchasedOn", "must not be in the future"));
        }
        if (vehicle.mileageKm != null && vehicle.mileageKm < 0) {
            errors.add(FieldError.invalid("mileageKm", "must not be negative"));
        }
        return errors;
    }

    static List<FieldError> check(TestDriveDTO testDrive) {
        List<FieldError> errors = new ArrayList<>();
        if (testDrive.partyId == null || testDrive.partyId.isBlank()) {
            errors.add(FieldError.required("partyId"));
        }
        if (testDrive.startAt == null) {
            errors.add(FieldError.required("startAt"));
        } else if (testDrive.endAt != null && testDrive.endAt.isBefore(testDrive.startAt)) {
            errors.add(FieldError.invalid("endAt", "must not be before startAt"));
        }
        return errors;
    }

    private static void requireText(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.required(field));
        } else if (value.length() > max) {
            errors.add(FieldError.invalid(field, "must be at most " + max + " characters"));
        }
    }
}
