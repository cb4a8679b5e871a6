package org.tessera.crm.examples.dealer.impl;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import javax.persistence.SequenceGenerator;
import javax.persistence.Version;

/**
 * The columns of a vehicle row that every version of the pack has. Timestamps are UTC; the owner
 * is a core party referenced by id only. {@code VehicleEntity}, the one class that differs between
 * versions of the pack, adds the columns of its version (src/v1 here, impl-v2 for version 2).
 */
@MappedSuperclass
public abstract class VehicleColumns {
    @Id
    @SequenceGenerator(name = "dealer_vehicle_seq", sequenceName = "dealer_vehicle_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dealer_vehicle_seq")
    Long id;
    @Column(nullable = false, length = 17)
    String vin;
    @Column(nullable = false)
    String make;
    @Column(nullable = false)
    String model;
    @Column(name = "model_year")
    Integer modelYear;
    String registration;
    @Column(name = "owner_party_id", nullable = false)
    long ownerPartyId;
    @Column(name = "purchased_on")
    LocalDate purchasedOn;
    @Column(name = "mileage_km")
    Integer mileageKm;
    @Version
    long version;
    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    /** The manufacturer code derived from the VIN, where this version of the pack stores it. */
    abstract String manufacturerCode();
}
