package org.tessera.crm.insurance.api;

/** Criteria of a claim list; every one optional. Keyset-paged by id. */
public class ClaimQuery {
    public String policyId;
    public String partyId;
    public ClaimStatus status;
    public int limit = 50;
    public String cursor;
}
