package org.tessera.crm.forecasting.api;

/**
 * A forecast category. The sales stages carry one each (the sales module's {@code Category},
 * mapped by name); the forecasting API keeps its own so that it resolves, and keeps its data readable,
 * while sales is away. In cumulative mode best case includes commit and closed.
 */
public enum Category {
    PIPELINE, BEST_CASE, COMMIT, CLOSED, OMITTED
}
