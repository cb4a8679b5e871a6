package org.tessera.crm.sales.api;

/** A stage of a pipeline and the metadata that drives probabilities and forecasts. */
public class StageDTO {
    /** Unique within its pipeline, for example {@code PROPOSAL}. */
    public String code;
    public String name;
    public int sortOrder;
    /** Default probability in percent, 0 to 100. */
    public int probability;
    public ForecastCategory forecastCategory;
    public boolean closed;
    public boolean won;
}
