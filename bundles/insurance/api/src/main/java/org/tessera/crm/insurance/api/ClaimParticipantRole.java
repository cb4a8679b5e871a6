package org.tessera.crm.insurance.api;

public enum ClaimParticipantRole {
    CLAIMANT, WITNESS, THIRD_PARTY
}
