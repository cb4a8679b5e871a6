package org.tessera.crm.insurance.api;

/** Criteria of a policy list; every one optional. Keyset-paged by id. */
public class PolicyQuery {
    public String number;
    /** Policies on which this party participates (in any role). */
    public String partyId;
    public PolicyStatus status;
    public String lineOfBusiness;
    public int limit = 50;
    public String cursor;
}
