package org.tessera.crm.forecasting.api;

import java.time.Instant;
import java.time.LocalDate;

/** A fiscal period: its opportunities are those expected to close from {@code startDate} to {@code endDate}. */
public class PeriodDTO {
    public String id;
    /** For example {@code FY2027-Q1}, {@code FY2027-M03}, {@code FY2027}. */
    public String name;
    public PeriodType type;
    /** The fiscal year, named after the calendar year it starts in. */
    public int fiscalYear;
    public LocalDate startDate;
    public LocalDate endDate;
    public PeriodStatus status;
    public Instant lockedAt;
    public String lockedBy;
    public long version;
}
