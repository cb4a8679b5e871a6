package org.tessera.crm.insurance.impl.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class ClaimParticipantValue {
    @Column(name = "party_id")
    public Long partyId;
    @Column(name = "participant_role")
    public String role;
}
