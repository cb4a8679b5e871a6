package org.tessera.crm.core.kit;

import java.math.BigDecimal;
import java.util.List;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/**
 * Bounds on the decimals a client may send. A number such as {@code 1e500000000} is eleven
 * characters long, but its plain form has half a billion digits: {@code toPlainString()},
 * {@code setScale()} or an addition on it takes a request's worth of CPU and memory many times
 * over. Every decimal read from a client is checked here before any such operation; no column of
 * ours holds more digits than these bounds allow.
 */
public final class Decimals {
    /** The {@code code} of a field error about a number out of these bounds. */
    public static final String OUT_OF_RANGE = "out_of_range";
    /** Digits before the decimal point: more than any amount, quantity or rate needs. */
    public static final int MAX_INTEGER_DIGITS = 38;
    /** Digits after the decimal point, once trailing zeros are dropped. */
    public static final int MAX_FRACTION_DIGITS = 38;
    /** Digits examined at most to drop trailing zeros: beyond, the value is refused unexamined. */
    private static final int MAX_EXAMINED_DIGITS = 1000;

    private Decimals() {
    }

    /** Whether {@code value} is within the bounds; {@code null} is. Cheap whatever the value's exponent. */
    public static boolean isBounded(BigDecimal value) {
        return problemOf(value) == null;
    }

    /** Why {@code value} is out of bounds, in words for a client, or {@code null} when it is within them. */
    public static String problemOf(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            // zero at any scale (0E+999999999) is harmless: stripTrailingZeros() makes it plain 0
            return null;
        }
        // precision() and scale() read fields; nothing here expands the exponent
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return "must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point";
        }
        if (value.scale() > MAX_FRACTION_DIGITS && (value.precision() > MAX_EXAMINED_DIGITS
                || value.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS)) {
            return "must have at most " + MAX_FRACTION_DIGITS + " digits after the decimal point";
        }
        return null;
    }

    /**
     * {@code value} when within the bounds.
     *
     * @throws ValidationException a 422 naming {@code field}, when it is not
     */
    public static BigDecimal bounded(String field, BigDecimal value) {
        String problem = problemOf(value);
        if (problem != null) {
            throw new ValidationException(List.of(new FieldError(field, OUT_OF_RANGE, problem)));
        }
        return value;
    }
}
