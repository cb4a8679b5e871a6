package org.tessera.crm.forecasting.impl.service;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.tessera.crm.core.kit.Decimals;
import org.tessera.crm.core.kit.FieldErrors;

/** Field checks shared by the forecasting writes. */
final class Checks {
    static final int NOTE_MAX = 255;
    static final int NAME_MAX = 120;

    private Checks() {
    }

    /** The ISO 4217 code in upper case, or an error on {@code field}. */
    static String currency(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.required(field, value);
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3 && Currency.getInstance(code) != null) {
                return code;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        errors.invalid(field, "not an ISO 4217 currency code");
        return null;
    }

    /** A required amount, within the kit's decimal bounds, not negative unless {@code signed}. */
    static BigDecimal amount(String field, BigDecimal value, boolean signed, FieldErrors errors) {
        if (value == null) {
            errors.required(field, null);
            return null;
        }
        if (!Decimals.isBounded(value)) {
            errors.invalid(field, Decimals.problemOf(value));
            return null;
        }
        if (!signed && value.signum() < 0) {
            errors.invalid(field, "must not be negative");
            return null;
        }
        return value;
    }

    /** A reference to a record by its id: required and well formed. */
    static Long id(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.required(field, value);
            return null;
        }
        return org.tessera.crm.core.kit.Ids.reference(field, value, errors);
    }
}
