package org.tessera.crm.banking.impl;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.spi.DependentRecordsContributor;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Dependents;
import org.tessera.crm.core.kit.jpa.Tx;

/** A party with a role on an account, a household membership or declared assets is not deleted from under them. */
@Component
public class BankingDependentRecords implements DependentRecordsContributor {
    private final Tx tx;

    @Activate
    public BankingDependentRecords(@Reference(name = "tx", target = "(osgi.unit.name=tessera-banking)") Tx tx) {
        this.tx = tx;
    }

    @Override
    public List<DependentRecordsDTO> dependentsOf(String entityType, String id) {
        if (!EntityTypes.PARTY.equals(entityType)) {
            return List.of();
        }
        return Ids.parse(id).map(party -> tx.required(em -> {
            List<DependentRecordsDTO> found = new ArrayList<>();
            Dependents.of(em, BankingEntityTypes.MODULE, BankingEntityTypes.ACCOUNT,
                    "FROM AccountEntity e WHERE EXISTS (SELECT r.id FROM AccountRoleEntity r WHERE r.accountId = e.id AND r.partyId = :ref)", party).ifPresent(found::add);
            Dependents.of(em, BankingEntityTypes.MODULE, BankingEntityTypes.HOUSEHOLD_MEMBER,
                    "FROM HouseholdMemberEntity e WHERE e.partyId = :ref OR e.householdId = :ref", party).ifPresent(found::add);
            Dependents.of(em, BankingEntityTypes.MODULE, BankingEntityTypes.ASSET, "FROM AssetEntity e WHERE e.partyId = :ref", party)
                    .ifPresent(found::add);
            return found;
        })).orElse(List.of());
    }
}
