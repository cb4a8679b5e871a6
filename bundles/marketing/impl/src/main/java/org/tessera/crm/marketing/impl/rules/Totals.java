package org.tessera.crm.marketing.impl.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.tessera.crm.marketing.api.CampaignTotalsDTO;

/** The derived figures of campaign totals: response rate, ROI, cost per response. */
public final class Totals {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Totals() {
    }

    /** Fills responseRate, roi and costPerResponse from the counted figures. */
    public static CampaignTotalsDTO derive(CampaignTotalsDTO t) {
        t.responseRate = t.members == 0 ? null
                : BigDecimal.valueOf(t.responses).multiply(HUNDRED).divide(BigDecimal.valueOf(t.members), 2, RoundingMode.HALF_UP);
        t.roi = roi(t.wonAmount, t.actualCost);
        t.costPerResponse = t.responses == 0 || t.actualCost == null ? null
                : t.actualCost.divide(BigDecimal.valueOf(t.responses), 2, RoundingMode.HALF_UP);
        return t;
    }

    /** (won − cost) / cost to 4 decimals; null when the cost is zero or unknown. */
    public static BigDecimal roi(BigDecimal wonAmount, BigDecimal actualCost) {
        if (actualCost == null || actualCost.signum() == 0) {
            return null;
        }
        BigDecimal won = wonAmount == null ? BigDecimal.ZERO : wonAmount;
        return won.subtract(actualCost).divide(actualCost, 4, RoundingMode.HALF_UP);
    }
}
