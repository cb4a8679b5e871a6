package org.tessera.crm.service.impl;

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
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.impl.entity.RequestEntity;

/**
 * The requests that keep their party from being deleted: the core asks before it deletes a
 * party, and answers 409 listing them, so that none is left without its party.
 */
@Component
public class RequestDependentRecords implements DependentRecordsContributor {
    private final Tx tx;

    @Activate
    public RequestDependentRecords(@Reference(name = "tx", target = ServiceUnit.TX) Tx tx) {
        this.tx = tx;
    }

    @Override
    public List<DependentRecordsDTO> dependentsOf(String entityType, String id) {
        if (!EntityTypes.PARTY.equals(entityType)) {
            return List.of();
        }
        return Ids.parse(id).map(party -> tx.required(em -> Dependents.of(em, RequestService.MODULE, RequestService.ENTITY_TYPE,
                "FROM RequestEntity e WHERE e.partyId = :ref", party).stream().toList())).orElse(List.of());
    }
}
