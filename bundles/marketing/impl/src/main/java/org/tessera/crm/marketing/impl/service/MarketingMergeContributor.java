package org.tessera.crm.marketing.impl.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.merge.MergeContributor;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.merge.ClashRule;
import org.tessera.crm.core.kit.merge.PartyRepointing;
import org.tessera.crm.core.kit.merge.RepointedTable;
import org.tessera.crm.core.kit.merge.TableMergeContributor;

/**
 * Marketing in a party merge: campaign members, static list entries and suppressions. A victim's
 * membership of a campaign (or list) the survivor belongs to already, or a suppression of a channel
 * the survivor has suppressed too, stays on the victim as history: nothing is deleted.
 */
@Component(service = MergeContributor.class)
public class MarketingMergeContributor extends TableMergeContributor {
    private static final PartyRepointing TABLES = new PartyRepointing("marketing",
            RepointedTable.of("MEMBER", "marketing_member", "party_id", "campaign_id").versioned("version")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "campaign_id"),
            RepointedTable.of("LIST_ENTRY", "marketing_list_party", "party_id", "segment_id")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "segment_id"),
            RepointedTable.of("SUPPRESSION", "marketing_suppression", "party_id", "id")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "channel"));

    @Activate
    public MarketingMergeContributor(@Reference(target = "(osgi.unit.name=tessera-marketing)") Tx tx) {
        super(TABLES, tx);
    }
}
