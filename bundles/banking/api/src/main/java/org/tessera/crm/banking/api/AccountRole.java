package org.tessera.crm.banking.api;

/** The role a party holds on an account. */
public enum AccountRole {
    PRIMARY_OWNER, JOINT_OWNER, AUTHORIZED_SIGNER, BENEFICIARY, GUARANTOR, POWER_OF_ATTORNEY, TRUSTEE;

    /** Whether the role makes the party an owner of the account (record scope, rollups). */
    public boolean owns() {
        return this == PRIMARY_OWNER || this == JOINT_OWNER;
    }
}
