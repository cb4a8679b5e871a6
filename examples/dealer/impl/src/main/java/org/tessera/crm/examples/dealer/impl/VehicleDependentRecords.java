package org.tessera.crm.examples.dealer.impl;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.spi.DependentRecordsContributor;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Dependents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.examples.dealer.api.VehicleService;

/** A party that owns vehicles is not deleted: the vehicles would have no owner. */
@Component
public class VehicleDependentRecords implements DependentRecordsContributor {
    private final Tx tx;

    @Activate
    public VehicleDependentRecords(@Reference(name = "tx", target = "(osgi.unit.name=tessera-dealer)") Tx tx) {
        this.tx = tx;
    }

    @Override
    public List<DependentRecordsDTO> dependentsOf(String entityType, String id) {
        if (!EntityTypes.PARTY.equals(entityType)) {
            return List.of();
        }
        return Ids.parse(id).map(owner -> tx.required(em -> Dependents.of(em, "dealer", VehicleService.VEHICLE,
                "FROM VehicleEntity e WHERE e.ownerPartyId = :ref", owner).stream().toList())).orElse(List.of());
    }
}
