package org.tessera.crm.forecasting.api;

import java.math.BigDecimal;

/**
 * A node's quota against its forecast, in one currency: attainment = closed / quota, coverage =
 * open pipeline / (quota − closed); the quotas of the direct subordinates summed beside the node's own.
 */
public class QuotaFiguresDTO {
    public String currency;
    /** {@code null} when the position has no quota in this currency. */
    public BigDecimal quota;
    public BigDecimal subordinatesQuota;
    /** quota − subordinatesQuota: what the manager holds beyond their team's targets. */
    public BigDecimal quotaGap;
    public BigDecimal closed;
    public BigDecimal openPipeline;
    /** closed / quota, {@code null} without a quota. */
    public BigDecimal attainment;
    /** open pipeline / remaining quota, {@code null} when nothing remains. */
    public BigDecimal coverage;
}
