package org.tessera.crm.banking.api;

import java.util.List;

/**
 * The account types the pack ships in the {@link BankingEntityTypes#ACCOUNT_TYPE_PICKLIST}
 * picklist, and how rollups class them. A type added to the picklist later is counted among the
 * products held but in no amount total.
 */
public final class AccountTypes {
    public static final String CURRENT = "CURRENT";
    public static final String SAVINGS = "SAVINGS";
    public static final String TERM_DEPOSIT = "TERM_DEPOSIT";
    public static final String LOAN = "LOAN";
    public static final String MORTGAGE = "MORTGAGE";
    public static final String CREDIT_CARD = "CREDIT_CARD";
    public static final String INVESTMENT = "INVESTMENT";
    public static final String INSURANCE_LINKED = "INSURANCE_LINKED";

    /** Balances counted as deposits. */
    public static final List<String> DEPOSITS = List.of(CURRENT, SAVINGS, TERM_DEPOSIT);
    /** Balances counted as investments (assets held with us). */
    public static final List<String> INVESTMENTS = List.of(INVESTMENT, INSURANCE_LINKED);
    /** Balances counted as loans: the amount owed, whatever the sign it is recorded with. */
    public static final List<String> LOANS = List.of(LOAN, MORTGAGE, CREDIT_CARD);
    public static final List<String> ALL = List.of(CURRENT, SAVINGS, TERM_DEPOSIT, LOAN, MORTGAGE, CREDIT_CARD, INVESTMENT,
            INSURANCE_LINKED);

    private AccountTypes() {
    }
}
