package org.tessera.crm.banking.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A financial account. {@code id}, {@code version}, {@code createdAt} and {@code updatedAt} are
 * server-owned.
 *
 * <p>The balance fields ({@code balance}, {@code availableBalance}, {@code balanceAsOf},
 * {@code creditLimit}) are sensitive: they are returned and written only for a caller with
 * {@code banking.balance.read}, and masked in the audit trail. For an account held here they come
 * from the core-banking system (the import) and an agent cannot change them over REST; for a
 * {@link #heldAway held-away} account (at another institution, recorded for the client's picture)
 * the agent declares them, and the bank's own terms ({@code interestRate}, {@code creditLimit},
 * {@code branchId}) do not apply.
 */
public class AccountDTO {
    public String id;
    /** Unique account number (an IBAN or the core-banking number), searchable. */
    public String number;
    /** A code of the {@code banking-account-type} picklist, see {@link AccountTypes}. */
    public String type;
    /** The product name, e.g. "Livret A" or "Premium current account". */
    public String product;
    public AccountStatus status;
    public LocalDate openedOn;
    /** Required when (and only when) the status is {@link AccountStatus#CLOSED}. */
    public LocalDate closedOn;
    /** ISO 4217 code. */
    public String currency;
    public BigDecimal balance;
    public BigDecimal availableBalance;
    public LocalDate balanceAsOf;
    public BigDecimal creditLimit;
    /** Yearly rate in percent. */
    public BigDecimal interestRate;
    /** The branch: a core org unit id. */
    public String branchId;
    public boolean heldAway;
    /** The parties on the account; written with the account, as one set. */
    public List<AccountRoleDTO> roles = new ArrayList<>();
    /** Values of the custom fields defined for {@code BANKING_ACCOUNT} (e.g. {@code kycRiskRating}). */
    public Map<String, Object> customFields = new LinkedHashMap<>();
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
