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

    /**
     * Replaces a pipeline's name and stages (a stage's code is its identity: renaming a stage or
     * changing its probability keeps the opportunities in it).
     *
     * @param expectedVersion the version the caller read, or {@code null} to skip the check
     * @throws org.tessera.crm.core.api.ConflictException when a stage that opportunities are in is removed
     * @throws org.tessera.crm.core.api.ValidationException when a stage is invalid
     */
    PipelineDTO update(String id, Long expectedVersion, PipelineDTO desired);

    /** Count, amount and weighted amount per stage (and per currency unless one is requested). */
    PipelineSummaryDTO summary(PipelineSummaryQuery query);
}
