package org.tessera.crm.insurance.impl.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class ParticipantValue {
    @Column(name = "party_id")
    public Long partyId;
    @Column(name = "participant_role")
    public String role;
    @Column(name = "share_percent", precision = 7, scale = 4)
    public BigDecimal sharePercent;
    @Column(name = "valid_from")
    public LocalDate from;
    @Column(name = "valid_thru")
    public LocalDate thru;
    public boolean minor;
}
