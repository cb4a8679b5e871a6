package org.tessera.crm.examples.dealer.impl;

import java.util.Locale;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.PrePersist;
import javax.persistence.PreUpdate;
import javax.persistence.Table;

/**
 * A vehicle row, version 2 of the pack: adds the manufacturer code, the VIN's first three
 * characters (its World Manufacturer Identifier), so that vehicles can be listed by maker without
 * parsing VINs. Changeset dealer-002 adds the column and fills it for the rows version 1 wrote;
 * from then on every write keeps it in step with the VIN.
 */
@Entity
@Table(name = "dealer_vehicle")
public class VehicleEntity extends VehicleColumns {
    static final int MANUFACTURER_CODE_LENGTH = 3;

    @Column(name = "manufacturer_code", length = MANUFACTURER_CODE_LENGTH)
    String manufacturerCode;

    @PrePersist
    @PreUpdate
    void deriveManufacturerCode() {
        manufacturerCode = vin == null || vin.length() < MANUFACTURER_CODE_LENGTH
                ? null : vin.substring(0, MANUFACTURER_CODE_LENGTH).toUpperCase(Locale.ROOT);
    }

    @Override
    String manufacturerCode() {
        return manufacturerCode;
    }
}
