package org.tessera.crm.insurance.impl.rules;

import java.math.BigDecimal;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/**
 * What a claim may pay on a coverage: the payments together never exceed the approved amount, nor
 * the coverage's limit net of its deductible. The refusal names the rule in its code.
 */
public final class PaymentRules {
    public static final String EXCEEDS_APPROVED = "exceeds_approved";
    public static final String EXCEEDS_LIMIT = "exceeds_limit_net_of_deductible";

    private PaymentRules() {
    }

    /** The most the coverage pays for a claim: limit − deductible, or {@code null} when it has no limit. */
    public static BigDecimal payable(BigDecimal limit, BigDecimal deductible) {
        if (limit == null) {
            return null;
        }
        BigDecimal net = limit.subtract(deductible == null ? BigDecimal.ZERO : deductible);
        return net.signum() < 0 ? BigDecimal.ZERO : net;
    }

    /**
     * @param alreadyPaid the coverage's payments so far on this claim
     * @throws ValidationException on {@code amount}, naming the rule that refused
     */
    public static void check(BigDecimal amount, BigDecimal alreadyPaid, BigDecimal approved, BigDecimal limit, BigDecimal deductible) {
        if (amount == null) {
            throw new ValidationException(FieldError.required("amount"));
        }
        if (amount.signum() <= 0) {
            throw new ValidationException(FieldError.invalid("amount", "must be positive"));
        }
        BigDecimal total = alreadyPaid.add(amount);
        BigDecimal payable = payable(limit, deductible);
        if (payable != null && total.compareTo(payable) > 0) {
            throw new ValidationException(new FieldError("amount", EXCEEDS_LIMIT, "payments of " + plain(total)
                    + " would exceed the coverage's limit net of the deductible, " + plain(payable)
                    + " (limit " + plain(limit) + " − deductible " + plain(deductible == null ? BigDecimal.ZERO : deductible) + ")"));
        }
        if (approved == null || total.compareTo(approved) > 0) {
            throw new ValidationException(new FieldError("amount", EXCEEDS_APPROVED, "payments of " + plain(total)
                    + " would exceed the approved amount, " + (approved == null ? "none" : plain(approved))));
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
