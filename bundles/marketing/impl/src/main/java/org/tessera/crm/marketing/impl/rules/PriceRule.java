package org.tessera.crm.marketing.impl.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.tessera.crm.core.kit.FieldErrors;

/**
 * An offer's price rule: {@code percent} off the lines of the named products (all products when
 * none is named) from {@code minQuantity}, while the offer runs.
 */
public record PriceRule(BigDecimal percent, BigDecimal minQuantity, Set<String> productIds, LocalDate from, LocalDate to) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public boolean appliesTo(String productId, BigDecimal quantity, LocalDate day) {
        if (percent == null) {
            return false;
        }
        if (!productIds.isEmpty() && !productIds.contains(productId)) {
            return false;
        }
        if (minQuantity != null && quantity.compareTo(minQuantity) < 0) {
            return false;
        }
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    public static void check(BigDecimal percent, BigDecimal minQuantity, FieldErrors errors) {
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0)) {
            errors.invalid("discountPercent", "must be a percentage above 0 and at most 100");
        }
        if (minQuantity != null && minQuantity.signum() < 0) {
            errors.invalid("minQuantity", "must not be negative");
        }
        if (minQuantity != null && percent == null) {
            errors.invalid("minQuantity", "only with a discountPercent");
        }
    }
}
