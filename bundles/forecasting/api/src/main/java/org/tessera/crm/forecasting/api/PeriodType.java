package org.tessera.crm.forecasting.api;

/** Length of a forecast period. */
public enum PeriodType {
    MONTH, QUARTER, YEAR
}
