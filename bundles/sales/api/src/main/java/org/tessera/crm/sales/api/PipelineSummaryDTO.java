package org.tessera.crm.sales.api;

import java.util.ArrayList;
import java.util.List;

/** Opportunities of a pipeline per stage and currency, in stage order. */
public class PipelineSummaryDTO {
    public String pipelineId;
    /** The requested currency, or {@code null} when the summary is per currency. */
    public String currency;
    public List<StageSummaryDTO> stages = new ArrayList<>();
}
