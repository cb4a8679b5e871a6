package org.tessera.crm.insurance.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Policies, annual premiums and open claims rolled up per person and for a household (the core's
 * household party and its {@code MEMBER_OF_HOUSEHOLD} members). For a person, one member: themself.
 */
public class HouseholdInsuranceDTO {
    public String partyId;
    public List<Member> members = new ArrayList<>();
    public long policiesInForce;
    public BigDecimal annualPremium = BigDecimal.ZERO;
    public long openClaims;

    /** One person's figures: the in-force terms they take part in, in any role. */
    public static class Member {
        public String partyId;
        public long policiesInForce;
        public BigDecimal annualPremium = BigDecimal.ZERO;
        public long openClaims;
    }
}
