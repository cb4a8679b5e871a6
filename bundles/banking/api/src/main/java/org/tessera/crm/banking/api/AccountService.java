package org.tessera.crm.banking.api;

import java.util.Iterator;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;

/**
 * Financial accounts with their roles. An account is visible to a caller when one of its current
 * owners (primary or joint) is in the caller's perimeter; one outside it does not exist for them.
 * Every write is validated (field rules, role rules, custom fields, registered validators for
 * {@link BankingEntityTypes#ACCOUNT}), audited and followed by an event after commit.
 */
@ProviderType
public interface AccountService {

    /**
     * @throws org.tessera.crm.core.api.ValidationException naming each invalid field
     * @throws org.tessera.crm.core.api.ConflictException when the number is taken
     */
    AccountDTO create(AccountDTO draft);

    /** @throws org.tessera.crm.core.api.NotFoundException when absent or out of scope */
    AccountDTO get(String id);

    /**
     * Replaces the client-writable fields and the role set.
     *
     * @param expectedVersion the version the caller read, or {@code null}
     * @throws org.tessera.crm.core.api.StaleVersionException when it changed in between
     */
    AccountDTO update(String id, Long expectedVersion, AccountDTO desired);

    /** Deletes an account with its roles and holdings. */
    void delete(String id, Long expectedVersion);

    /** One keyset page of the visible accounts matching {@code query}, by id. */
    Page<AccountDTO> search(AccountQuery query);

    /**
     * Upserts accounts by number, each with its whole role set, as a core-banking extract gives
     * them: the core's import conventions (a per-row report, a rejected row never rolls back the
     * others, balances written as the core banking system states them). A role may name its party
     * by id or by {@code partyExternalId}.
     */
    ImportReport importAccounts(Iterator<ImportRow<ImportedAccountDTO>> rows);

    /** Positions of an investment account, by instrument. */
    java.util.List<HoldingDTO> holdings(String accountId);

    /**
     * Adds or replaces (by instrument) a position of an {@link AccountTypes#INVESTMENT} account.
     *
     * @throws org.tessera.crm.core.api.ValidationException when the account is no investment account
     */
    HoldingDTO putHolding(String accountId, HoldingDTO holding);
}
