package org.tessera.crm.insurance.impl.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.merge.MergeContributor;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.merge.PartyRepointing;
import org.tessera.crm.core.kit.merge.RepointedTable;
import org.tessera.crm.core.kit.merge.TableMergeContributor;

/**
 * Insurance in a party merge: policies and claims held, coverages insured, and policy and claim
 * participants move to the survivor.
 */
@Component(service = MergeContributor.class)
public class InsuranceMergeContributor extends TableMergeContributor {
    private static final PartyRepointing TABLES = new PartyRepointing("insurance",
            RepointedTable.of("POLICY", "ins_policy", "holder_party_id", "id").versioned("version"),
            RepointedTable.of("COVERAGE", "ins_policy_coverage", "insured_party_id", "policy_id", "seq_no"),
            RepointedTable.of("POLICY_PARTICIPANT", "ins_policy_participant", "party_id", "policy_id", "seq_no"),
            RepointedTable.of("CLAIM", "ins_claim", "holder_party_id", "id").versioned("version"),
            RepointedTable.of("CLAIM_PARTICIPANT", "ins_claim_participant", "party_id", "claim_id", "seq_no"));

    @Activate
    public InsuranceMergeContributor(@Reference(target = "(osgi.unit.name=tessera-insurance)") Tx tx) {
        super(TABLES, tx);
    }
}
