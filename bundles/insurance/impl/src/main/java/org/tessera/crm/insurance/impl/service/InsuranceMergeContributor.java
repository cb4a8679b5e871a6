package org.tessera.crm.insurance.impl.service;

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
 * Insurance in a party merge: policies and claims held, coverages insured, and policy and claim
 * participants move to the survivor.
 */
@Component
public class InsuranceMergeContributor implements MergeContributor {
    private static final PartyRepointing TABLES = new PartyRepointing("insurance",
            RepointedTable.of("POLICY", "ins_policy", "holder_party_id", "id").versioned("version"),
            RepointedTable.of("COVERAGE", "ins_policy_coverage", "insured_party_id", "policy_id", "seq_no"),
            RepointedTable.of("POLICY_PARTICIPANT", "ins_policy_participant", "party_id", "policy_id", "seq_no"),
            RepointedTable.of("CLAIM", "ins_claim", "holder_party_id", "id").versioned("version"),
            RepointedTable.of("CLAIM_PARTICIPANT", "ins_claim_participant", "party_id", "claim_id", "seq_no"));

    private final Tx tx;

    @Activate
    public InsuranceMergeContributor(@Reference(name = "tx", target = "(osgi.unit.name=tessera-insurance)") Tx tx) {
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
