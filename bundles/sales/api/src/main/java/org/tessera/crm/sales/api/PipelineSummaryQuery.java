package org.tessera.crm.sales.api;

import java.time.LocalDate;

/** Criteria of a pipeline summary; every one is optional. */
public class PipelineSummaryQuery {
    /** The default pipeline when absent. */
    public String pipelineId;
    public String ownerId;
    /** Expected close date from (inclusive). */
    public LocalDate closeFrom;
    /** Expected close date to (inclusive). */
    public LocalDate closeTo;
    /** Only opportunities in this currency (no conversion is made); per currency when absent. */
    public String currency;
}
