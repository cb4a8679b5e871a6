package org.tessera.crm.banking.impl;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.core.api.security.PermissionProvider;

/**
 * The permissions the pack checks. Balances are a sensitive field set of their own:
 * {@link #BALANCE_READ} is needed to see them on accounts, in rollups and in the 360° view.
 */
@Component
public class BankingPermissions implements PermissionProvider {
    public static final String ACCOUNT_READ = "banking.account.read";
    public static final String ACCOUNT_WRITE = "banking.account.write";
    public static final String BALANCE_READ = "banking.balance.read";
    /** Households, assets, life events and the offers proposed to a client. */
    public static final String CLIENT_READ = "banking.client.read";
    /** Household members, declared assets, life events, and accepting or rejecting an offer. */
    public static final String CLIENT_WRITE = "banking.client.write";
    /** Administering the next-best-offer rules. */
    public static final String RULE_ADMIN = "banking.rule.admin";

    @Override
    public String module() {
        return BankingEntityTypes.MODULE;
    }

    @Override
    public Set<String> permissions() {
        return Set.of(ACCOUNT_READ, ACCOUNT_WRITE, BALANCE_READ, CLIENT_READ, CLIENT_WRITE, RULE_ADMIN);
    }
}
