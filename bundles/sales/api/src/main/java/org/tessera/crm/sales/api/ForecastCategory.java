package org.tessera.crm.sales.api;

/** Forecast category of a stage (cumulative in forecasts: best case includes commit and closed). */
public enum ForecastCategory {
    PIPELINE, BEST_CASE, COMMIT, CLOSED, OMITTED
}
