package org.tessera.crm.examples.dealer.impl;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/** A vehicle row. Timestamps are UTC; the owner is a core party referenced by id only. */
@Entity
@Table(name = "dealer_vehicle")
public class VehicleEntity {
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
}
