package org.tessera.crm.marketing.impl.service;

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
import org.tessera.crm.core.kit.merge.ClashRule;
import org.tessera.crm.core.kit.merge.PartyRepointing;
import org.tessera.crm.core.kit.merge.RepointedTable;

/**
 * Marketing in a party merge: campaign members, static list entries and suppressions. A victim's
 * membership of a campaign (or list) the survivor belongs to already, or a suppression of a channel
 * the survivor has suppressed too, stays on the victim as history: nothing is deleted.
 */
@Component
public class MarketingMergeContributor implements MergeContributor {
    private static final PartyRepointing TABLES = new PartyRepointing("marketing",
            RepointedTable.of("MEMBER", "marketing_member", "party_id", "campaign_id").versioned("version")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "campaign_id"),
            RepointedTable.of("LIST_ENTRY", "marketing_list_party", "party_id", "segment_id")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "segment_id"),
            RepointedTable.of("SUPPRESSION", "marketing_suppression", "party_id", "id")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "channel"));

    private final Tx tx;

    @Activate
    public MarketingMergeContributor(@Reference(name = "tx", target = "(osgi.unit.name=tessera-marketing)") Tx tx) {
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
