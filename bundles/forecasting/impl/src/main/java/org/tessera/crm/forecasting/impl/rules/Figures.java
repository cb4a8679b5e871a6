package org.tessera.crm.forecasting.impl.rules;

import java.math.BigDecimal;

/**
 * The figures of one line: computed count, amount and weighted amount; the forecast amount (the
 * adjusted figure where an adjustment applies, else the computed amount) and the adjustment itself.
 */
public record Figures(long count, BigDecimal amount, BigDecimal weighted, BigDecimal forecast, BigDecimal adjusted) {
    public static final Figures ZERO = new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);

    public static Figures computed(long count, BigDecimal amount, BigDecimal weighted) {
        return new Figures(count, amount, weighted, amount, null);
    }

    /** The sum of two lines; the sum carries no adjustment of its own. */
    public Figures plus(Figures other) {
        return new Figures(count + other.count, amount.add(other.amount), weighted.add(other.weighted), forecast.add(other.forecast), null);
    }

    /** These figures with {@code value} set by hand as the forecast. */
    public Figures adjustedTo(BigDecimal value) {
        return new Figures(count, amount, weighted, value, value);
    }

    /** Every amount multiplied by {@code rate} (a currency conversion). */
    public Figures times(BigDecimal rate) {
        return new Figures(count, amount.multiply(rate), weighted.multiply(rate), forecast.multiply(rate),
                adjusted == null ? null : adjusted.multiply(rate));
    }
}
