package org.tessera.crm.examples.dealer.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.privacy.PersonalDataProvider;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.privacy.PersonalDataTables;
import org.tessera.crm.core.kit.privacy.PersonalTable;
import org.tessera.crm.examples.dealer.api.VehicleService;
import org.tessera.crm.core.kit.privacy.TablePersonalDataProvider;

/** The vehicles a person owns; an erasure removes the registration plate, which identifies the owner. */
@Component(service = PersonalDataProvider.class)
public class DealerPersonalData extends TablePersonalDataProvider {
    static final PersonalDataTables TABLES = PersonalDataTables.of("dealer",
            "vehicles stay in the stock history (VIN, make, model) without their registration",
            PersonalTable.of(VehicleService.VEHICLE, "dealer_vehicle", "owner_party_id = ?")
                    .exports("vin", "make", "model", "model_year", "registration", "purchased_on", "mileage_km")
                    .blanks("registration").versioned());

    @Activate
    public DealerPersonalData(@Reference(target = "(osgi.unit.name=tessera-dealer)") Tx tx) {
        super(TABLES, tx);
    }
}
