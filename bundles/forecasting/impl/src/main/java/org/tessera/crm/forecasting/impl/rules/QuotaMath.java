package org.tessera.crm.forecasting.impl.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;

import org.tessera.crm.forecasting.api.QuotaFiguresDTO;
import org.tessera.crm.forecasting.api.Category;

/** Attainment and coverage of a node against its quota, in one currency. */
public final class QuotaMath {
    private static final int RATIO_SCALE = 4;

    private QuotaMath() {
    }

    /**
     * @param quota the node's quota, {@code null} when it has none
     * @param subordinatesQuota the quotas of its direct subordinates, summed
     * @param total the node's total lines (non-cumulative, adjustments applied)
     */
    public static QuotaFiguresDTO figures(String currency, BigDecimal quota, BigDecimal subordinatesQuota, Lines total) {
        QuotaFiguresDTO f = new QuotaFiguresDTO();
        f.currency = currency;
        f.quota = quota;
        f.subordinatesQuota = subordinatesQuota;
        f.closed = total.forecastOf(EnumSet.of(Category.CLOSED), currency);
        f.openPipeline = total.forecastOf(Lines.OPEN, currency);
        if (quota != null) {
            f.quotaGap = quota.subtract(subordinatesQuota);
            if (quota.signum() > 0) {
                f.attainment = f.closed.divide(quota, RATIO_SCALE, RoundingMode.HALF_EVEN);
            }
            BigDecimal remaining = quota.subtract(f.closed);
            if (remaining.signum() > 0) {
                f.coverage = f.openPipeline.divide(remaining, RATIO_SCALE, RoundingMode.HALF_EVEN);
            }
        }
        return f;
    }
}
