package org.tessera.crm.insurance.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A party on a policy term in a role, effective-dated. */
public class PolicyParticipantDTO {
    public String partyId;
    public ParticipantRole role;
    /** A beneficiary's share in percent; the shares of the beneficiaries sum to 100 at any date. */
    public BigDecimal sharePercent;
    /** {@code null}: from the term's start. */
    public LocalDate from;
    /** Exclusive; {@code null}: to the term's end. */
    public LocalDate thru;
    /** Whether the participant is a minor (a beneficiary under a guardian, for example). */
    public boolean minor;
}
