package org.tessera.crm.examples.dealer.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A vehicle a party owns. {@code id}, {@code manufacturerCode}, {@code version}, {@code createdAt}
 * and {@code updatedAt} are server-owned.
 */
public class VehicleDTO {
    public String id;
    /** Vehicle identification number: 17 characters, letters and digits but I, O and Q. */
    public String vin;
    public String make;
    public String model;
    public Integer modelYear;
    /** Registration plate, as printed. */
    public String registration;
    /** The party that owns the vehicle. */
    public String ownerPartyId;
    public LocalDate purchasedOn;
    public Integer mileageKm;
    /**
     * The VIN's first three characters, its World Manufacturer Identifier. Derived by the server
     * from version 2 of the pack on; {@code null} when version 1 serves the vehicle.
     */
    public String manufacturerCode;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
