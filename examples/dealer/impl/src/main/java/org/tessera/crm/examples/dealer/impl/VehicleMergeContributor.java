package org.tessera.crm.examples.dealer.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.merge.MergeContributor;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.merge.PartyRepointing;
import org.tessera.crm.core.kit.merge.RepointedTable;
import org.tessera.crm.core.kit.merge.TableMergeContributor;

/**
 * The dealer example in a party merge: the victims' vehicles now belong to the survivor.
 */
@Component(service = MergeContributor.class)
public class VehicleMergeContributor extends TableMergeContributor {
    private static final PartyRepointing TABLES = new PartyRepointing("dealer",
            RepointedTable.of("VEHICLE", "dealer_vehicle", "owner_party_id", "id").versioned("version"));

    @Activate
    public VehicleMergeContributor(@Reference(target = "(osgi.unit.name=tessera-dealer)") Tx tx) {
        super(TABLES, tx);
    }
}
