package org.tessera.crm.insurance.impl.service;

import java.util.ArrayList;
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
import org.tessera.crm.insurance.api.Insurance;

/** A party on a policy term or a claim cannot be deleted: the core asks here first. */
@Component
public class InsuranceDependentRecords implements DependentRecordsContributor {
    private final Tx tx;

    @Activate
    public InsuranceDependentRecords(@Reference(target = InsuranceUnit.TX) Tx tx) {
        this.tx = tx;
    }

    @Override
    public List<DependentRecordsDTO> dependentsOf(String entityType, String id) {
        if (!EntityTypes.PARTY.equals(entityType)) {
            return List.of();
        }
        return Ids.parse(id).map(party -> tx.required(em -> {
            List<DependentRecordsDTO> found = new ArrayList<>();
            Dependents.of(em, Insurance.MODULE, Insurance.POLICY,
                    "FROM PolicyEntity e WHERE e.id IN (SELECT q.id FROM PolicyEntity q JOIN q.participants pp WHERE pp.partyId = :ref)"
                            + " OR e.id IN (SELECT q.id FROM PolicyEntity q JOIN q.coverages c WHERE c.insuredPartyId = :ref)", party)
                    .ifPresent(found::add);
            Dependents.of(em, Insurance.MODULE, Insurance.CLAIM,
                    "FROM ClaimEntity e WHERE e.id IN (SELECT k.id FROM ClaimEntity k JOIN k.participants kp WHERE kp.partyId = :ref)", party)
                    .ifPresent(found::add);
            return found;
        })).orElse(List.of());
    }
}
