package org.tessera.crm.forecasting.api;

/** A request to submit a position's forecast for a period. */
public class SubmitDTO {
    /** The caller's own position when absent. */
    public String positionId;
    public String periodId;
    /** {@code SUBMITTED} or {@code LIVE}: where the subordinates' figures come from; the configured default when absent. */
    public String rollupSource;
}
