package org.tessera.crm.banking.api;

/** Life cycle of a financial account. A closed account is kept, and counted in no rollup. */
public enum AccountStatus {
    PENDING, OPEN, DORMANT, CLOSED
}
