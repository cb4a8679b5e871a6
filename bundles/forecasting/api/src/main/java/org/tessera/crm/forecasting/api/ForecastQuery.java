package org.tessera.crm.forecasting.api;

/** Which forecast to show and how. */
public class ForecastQuery {
    /** The position; the caller's own when absent. */
    public String positionId;
    public String periodId;
    /** {@code true}: best case includes commit and closed, commit includes closed, pipeline includes the open categories above it. */
    public Boolean cumulative;
    /** {@code SUBMITTED} or {@code LIVE}; the configured default when absent. */
    public String rollupSource;
    /** Convert every amount into this ISO 4217 currency with the rates at the period's end. */
    public String currency;
}
