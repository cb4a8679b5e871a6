package org.tessera.crm.forecasting.api;

/** Asks for the periods of one fiscal year (every month, quarter and the year itself, the missing ones). */
public class PeriodGenerationDTO {
    public Integer fiscalYear;
    /** 1 to 12; the configured fiscal-year start month when absent. */
    public Integer startMonth;
}
