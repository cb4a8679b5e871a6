package org.tessera.crm.insurance.api;

public class ClaimParticipantDTO {
    public String partyId;
    public ClaimParticipantRole role;
}
