package org.tessera.crm.sales.api;

import java.time.LocalDate;

/** Criteria of an opportunity search, one keyset page (by id) at a time. */
public class OpportunityQuery {
    public String accountId;
    public String ownerId;
    public String pipelineId;
    public String stage;
    public OpportunityStatus status;
    /** Expected close date from (inclusive); deals without a close date are left out when set. */
    public LocalDate closeFrom;
    /** Expected close date to (inclusive); deals without a close date are left out when set. */
    public LocalDate closeTo;
    public int limit = 50;
    /** {@code null} for the first page. */
    public String cursor;
}
