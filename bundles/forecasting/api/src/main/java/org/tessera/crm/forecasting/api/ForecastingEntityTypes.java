package org.tessera.crm.forecasting.api;

/** Entity type names of the forecasting records, in audit records, events and problems. */
public final class ForecastingEntityTypes {
    public static final String POSITION = "FORECAST_POSITION";
    public static final String PERIOD = "FORECAST_PERIOD";
    public static final String QUOTA = "FORECAST_QUOTA";
    public static final String ADJUSTMENT = "FORECAST_ADJUSTMENT";
    public static final String REVISION = "FORECAST_REVISION";
    public static final String EXCHANGE_RATE = "FORECAST_EXCHANGE_RATE";

    private ForecastingEntityTypes() {
    }
}
