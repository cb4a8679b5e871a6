package org.tessera.crm.examples.dealer.impl;

import javax.persistence.Entity;
import javax.persistence.Table;

/** A vehicle row, version 1 of the pack: the common columns only. */
@Entity
@Table(name = "dealer_vehicle")
public class VehicleEntity extends VehicleColumns {
    @Override
    String manufacturerCode() {
        return null;
    }
}
