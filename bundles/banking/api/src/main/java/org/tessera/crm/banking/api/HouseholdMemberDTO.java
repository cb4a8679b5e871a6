package org.tessera.crm.banking.api;

import java.time.LocalDate;

/**
 * A person's membership of a household party (a core party of type {@code HOUSEHOLD}), recorded
 * with the core's {@code MEMBER_OF_HOUSEHOLD} relationship and, here, the member's role and whether
 * this is the person's <em>primary</em> household: each person has at most one, the one their
 * accounts and assets roll up to.
 */
public class HouseholdMemberDTO {
    public String id;
    public String householdId;
    public String partyId;
    public HouseholdRole role;
    /** Defaults to {@code true} when the person has no primary household yet. */
    public Boolean primary;
    public LocalDate from;
    /** The core relationship this membership is recorded with. */
    public String relationshipId;
    public long version;
}
