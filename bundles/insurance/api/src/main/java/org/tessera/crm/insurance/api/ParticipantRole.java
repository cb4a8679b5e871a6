package org.tessera.crm.insurance.api;

/** A party's role on a policy. Exactly one policyholder at any date of the term. */
public enum ParticipantRole {
    POLICYHOLDER, INSURED, BENEFICIARY, PAYER, DRIVER
}
