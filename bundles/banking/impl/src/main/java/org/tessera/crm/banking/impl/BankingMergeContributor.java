package org.tessera.crm.banking.impl;

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
 * Banking in a party merge: account roles, assets, household memberships, life events and offer
 * decisions. A victim's role on an account where the survivor holds the same role, or its membership
 * of the survivor's household, stays on the victim: the bank's records are never deleted by a merge.
 */
@Component(service = MergeContributor.class)
public class BankingMergeContributor extends TableMergeContributor {
    private static final PartyRepointing TABLES = new PartyRepointing("banking",
            RepointedTable.of("ACCOUNT_ROLE", "banking_account_role", "party_id", "id")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "account_id", "account_role"),
            RepointedTable.of("ASSET", "banking_asset", "party_id", "id").versioned("version"),
            RepointedTable.of("HOUSEHOLD_MEMBER", "banking_household_member", "party_id", "id").versioned("version")
                    .clashOn(ClashRule.KEEP_ON_VICTIM, "household_id"),
            RepointedTable.of("LIFE_EVENT", "banking_life_event", "party_id", "id").versioned("version"),
            RepointedTable.of("OFFER_DECISION", "banking_offer_decision", "party_id", "id"));

    @Activate
    public BankingMergeContributor(@Reference(target = "(osgi.unit.name=tessera-banking)") Tx tx) {
        super(TABLES, tx);
    }
}
