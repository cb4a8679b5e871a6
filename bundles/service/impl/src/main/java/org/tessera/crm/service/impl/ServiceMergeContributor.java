package org.tessera.crm.service.impl;

import java.sql.Connection;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.merge.MergeContributor;
import org.tessera.crm.core.api.merge.ModuleMergeDTO;
import org.tessera.crm.core.api.merge.MovedRecordDTO;
import org.tessera.crm.core.api.merge.PartyMerge;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.merge.PartyRepointing;
import org.tessera.crm.core.kit.merge.RepointedTable;

/**
 * Service in a party merge: the requests of the victims, and their SLA clocks, move to the survivor.
 */
@Component
public class ServiceMergeContributor implements MergeContributor {
    private static final PartyRepointing TABLES = new PartyRepointing("service",
            RepointedTable.of("REQUEST", "service_request", "party_id", "id").versioned("version"),
            RepointedTable.of("SLA_CLOCK", "sla_clock", "party_id", "id").versioned("version"));

    private final Tx tx;

    @Activate
    public ServiceMergeContributor(@Reference(name = "tx", target = "(osgi.unit.name=tessera-service)") Tx tx) {
        this.tx = tx;
    }

    @Override
    public String moduleId() {
        return TABLES.module();
    }

    @Override
    public ModuleMergeDTO merge(Connection transaction, PartyMerge merge) {
        return TABLES.merge(transaction, merge);
    }

    @Override
    public void undo(Connection transaction, PartyMerge merge, List<MovedRecordDTO> moved) {
        TABLES.undo(transaction, merge, moved);
    }

    @Override
    public void committed() {
        PartyRepointing.evictAll(tx);
    }
}
