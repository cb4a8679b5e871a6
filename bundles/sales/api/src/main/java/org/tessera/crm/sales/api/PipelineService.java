package org.tessera.crm.sales.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Pipelines, their stages, and the pipeline summary of opportunities. */
@ProviderType
public interface PipelineService {

    List<PipelineDTO> pipelines();

    /** @throws org.tessera.crm.core.api.NotFoundException when there is no such pipeline */
    PipelineDTO get(String id);

    /** The default pipeline (one ships with the module). */
    PipelineDTO defaultPipeline();

    /**
     * Creates a pipeline.
     *
     * @throws org.tessera.crm.core.api.ValidationException when a stage is invalid
     */
    PipelineDTO create(PipelineDTO draft);

    /** Count, amount and weighted amount per stage (and per currency unless one is requested). */
    PipelineSummaryDTO summary(PipelineSummaryQuery query);
}
