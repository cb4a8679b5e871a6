package org.tessera.crm.sales.api;

/** Criteria of an opportunity search, one keyset page (by id) at a time. */
public class OpportunityQuery {
    public String accountId;
    public String ownerId;
    public String pipelineId;
    public String stage;
    public OpportunityStatus status;
    public int limit = 50;
    /** {@code null} for the first page. */
    public String cursor;
}
