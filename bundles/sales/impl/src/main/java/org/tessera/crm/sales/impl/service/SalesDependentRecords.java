package org.tessera.crm.sales.impl.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.spi.DependentRecordsContributor;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Dependents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.sales.api.SalesEntityTypes;
import org.tessera.crm.sales.impl.jpa.SalesUnit;

/**
 * The sales records that keep a party from being deleted: leads on it (or converted into it),
 * opportunities of its account or naming it as a contact, and quotes of its account. They would
 * be unreachable without it; the client deletes or moves them first.
 */
@Component
public class SalesDependentRecords implements DependentRecordsContributor {
    static final String MODULE = "sales";

    private final Tx tx;

    @Activate
    public SalesDependentRecords(@Reference(target = SalesUnit.TX) Tx tx) {
        this.tx = tx;
    }

    @Override
    public List<DependentRecordsDTO> dependentsOf(String entityType, String id) {
        Optional<Long> party = EntityTypes.PARTY.equals(entityType) ? Ids.parse(id) : Optional.empty();
        if (party.isEmpty()) {
            return List.of();
        }
        Long ref = party.get();
        return tx.required(em -> {
            List<DependentRecordsDTO> found = new ArrayList<>();
            Dependents.of(em, MODULE, SalesEntityTypes.LEAD, "FROM LeadEntity e WHERE e.partyId = :ref"
                    + " OR e.convertedContactId = :ref OR e.convertedAccountId = :ref", ref).ifPresent(found::add);
            Dependents.of(em, MODULE, SalesEntityTypes.OPPORTUNITY, "FROM OpportunityEntity e LEFT JOIN e.contactRoles r"
                    + " WHERE e.accountId = :ref OR r.partyId = :ref", ref).ifPresent(found::add);
            Dependents.of(em, MODULE, SalesEntityTypes.QUOTE, "FROM QuoteEntity e WHERE e.accountId = :ref", ref).ifPresent(found::add);
            return found;
        });
    }
}
