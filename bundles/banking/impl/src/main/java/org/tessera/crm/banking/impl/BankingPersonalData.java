package org.tessera.crm.banking.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.core.api.privacy.PersonalDataProvider;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.privacy.PersonalDataTables;
import org.tessera.crm.core.kit.privacy.PersonalTable;
import org.tessera.crm.core.kit.privacy.TablePersonalDataProvider;

/**
 * What the banking pack holds about a person: accounts they hold a role in, assets, household
 * memberships, life events and offer decisions. Accounts and their roles are kept (banking records
 * are retained by law); the free texts of assets, life events and offer decisions go.
 */
@Component(service = PersonalDataProvider.class)
public class BankingPersonalData extends TablePersonalDataProvider {
    static final PersonalDataTables TABLES = PersonalDataTables.of("banking",
            "accounts and account roles are kept as banking law requires (anti-money-laundering record keeping); "
                    + "notes of assets, life events and offer decisions are erased",
            PersonalTable.of(BankingEntityTypes.ACCOUNT, "banking_account",
                    "id IN (SELECT ar.account_id FROM banking_account_role ar WHERE ar.party_id = ?)")
                    .exports("account_number", "account_type", "product", "status", "opened_on", "closed_on", "currency")
                    .customValues("banking_account_custom_value", "account_id", "value_json")
                    .keeps("banking records are retained by law after the relationship ends"),
            PersonalTable.of("BANKING_ACCOUNT_ROLE", "banking_account_role", "party_id = ?")
                    .exports("account_id", "account_role", "valid_from", "valid_thru")
                    .keeps("who held an account is part of the banking record"),
            PersonalTable.of(BankingEntityTypes.ASSET, "banking_asset", "party_id = ?")
                    .exports("asset_kind", "category", "description", "currency", "as_of").blanks("description").versioned(),
            PersonalTable.of(BankingEntityTypes.HOUSEHOLD_MEMBER, "banking_household_member", "party_id = ?")
                    .exports("household_id", "member_role", "is_primary", "valid_from"),
            PersonalTable.of(BankingEntityTypes.LIFE_EVENT, "banking_life_event", "party_id = ?")
                    .exports("event_type", "occurred_on", "expires_on", "notes", "source", "created_at").blanks("notes").versioned(),
            PersonalTable.of("BANKING_OFFER_DECISION", "banking_offer_decision", "party_id = ?")
                    .exports("rule_key", "offer_name", "decision", "reason", "follow_up", "decided_at").blanks("reason", "follow_up"));

    @Activate
    public BankingPersonalData(@Reference(target = "(osgi.unit.name=tessera-banking)") Tx tx) {
        super(TABLES, tx);
    }
}
