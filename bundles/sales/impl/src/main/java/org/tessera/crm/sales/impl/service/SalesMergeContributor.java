package org.tessera.crm.sales.impl.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.merge.MergeContributor;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.merge.ClashRule;
import org.tessera.crm.core.kit.merge.PartyRepointing;
import org.tessera.crm.core.kit.merge.RepointedTable;
import org.tessera.crm.core.kit.merge.TableMergeContributor;
import org.tessera.crm.sales.impl.jpa.SalesUnit;

/**
 * Sales in a party merge: leads (and the parties they were converted into), opportunities and
 * quotes of the account, and opportunity contact roles. A victim that is a contact of an
 * opportunity the survivor is a contact of too refuses the merge: the two roles may differ, and
 * which one stands is the user's choice, never a silent delete.
 */
@Component(service = MergeContributor.class)
public class SalesMergeContributor extends TableMergeContributor {
    private static final PartyRepointing TABLES = new PartyRepointing(SalesDependentRecords.MODULE,
            RepointedTable.of("LEAD", "sales_lead", "party_id", "id").versioned("version"),
            RepointedTable.of("LEAD", "sales_lead", "converted_contact_id", "id").versioned("version"),
            RepointedTable.of("LEAD", "sales_lead", "converted_account_id", "id").versioned("version"),
            RepointedTable.of("OPPORTUNITY", "sales_opportunity", "account_id", "id").versioned("version"),
            RepointedTable.of("QUOTE", "sales_quote", "account_id", "id").versioned("version"),
            RepointedTable.of("CONTACT_ROLE", "sales_opportunity_contact", "party_id", "opportunity_id", "seq_no")
                    .clashOn(ClashRule.REFUSE, "opportunity_id"));

    @Activate
    public SalesMergeContributor(@Reference(target = SalesUnit.TX) Tx tx) {
        super(TABLES, tx);
    }
}
