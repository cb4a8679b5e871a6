package org.tessera.crm.forecasting.api;

import java.math.BigDecimal;

/** The target of a position for a period, in one currency. */
public class QuotaDTO {
    public String id;
    public String positionId;
    public String periodId;
    /** ISO 4217 code. */
    public String currency;
    public BigDecimal amount;
    public long version;
}
