package org.tessera.crm.service.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.merge.MergeContributor;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.merge.PartyRepointing;
import org.tessera.crm.core.kit.merge.RepointedTable;
import org.tessera.crm.core.kit.merge.TableMergeContributor;

/**
 * Service in a party merge: the requests of the victims, and their SLA clocks, move to the survivor.
 */
@Component(service = MergeContributor.class)
public class ServiceMergeContributor extends TableMergeContributor {
    private static final PartyRepointing TABLES = new PartyRepointing("service",
            RepointedTable.of("REQUEST", "service_request", "party_id", "id").versioned("version"),
            RepointedTable.of("SLA_CLOCK", "sla_clock", "party_id", "id").versioned("version"));

    @Activate
    public ServiceMergeContributor(@Reference(target = "(osgi.unit.name=tessera-service)") Tx tx) {
        super(TABLES, tx);
    }
}
