package org.tessera.crm.sales.api;

/** Criteria of a lead search, one keyset page (by id) at a time. */
public class LeadQuery {
    public LeadStatus status;
    public String partyId;
    public String ownerId;
    public int limit = 50;
    public String cursor;
}
