package org.tessera.crm.sales.impl.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/** Amounts in a currency, rounded half-up to the currency's minor unit as invoices are. */
public final class Money {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    /** Whether {@code code} is an ISO 4217 currency code known to the JVM. */
    public static boolean isCurrency(String code) {
        if (code == null || code.length() != 3 || !code.equals(code.toUpperCase(Locale.ROOT))) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** Digits of the minor unit: 2 for EUR, 0 for JPY, 3 for KWD; 2 when unknown. */
    public static int scale(String currency) {
        if (!isCurrency(currency)) {
            return 2;
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    /** {@code amount} rounded half-up to the minor unit of {@code currency}. */
    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(scale(currency), RoundingMode.HALF_UP);
    }

    /** {@code amount × percent / 100}, unrounded. */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED);
    }

    /** Zero in the minor unit of {@code currency}. */
    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(scale(currency));
    }
}
