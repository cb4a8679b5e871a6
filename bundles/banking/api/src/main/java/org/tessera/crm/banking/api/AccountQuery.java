package org.tessera.crm.banking.api;

/** Criteria of an account list; a {@code null} criterion is not applied. */
public class AccountQuery {
    /** Accounts on which this party holds any current role. */
    public String partyId;
    public String type;
    public AccountStatus status;
    /** Prefix of the account number. */
    public String number;
    public int limit = 50;
    public String cursor;
}
