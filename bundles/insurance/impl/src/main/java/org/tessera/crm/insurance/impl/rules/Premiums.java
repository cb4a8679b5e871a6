package org.tessera.crm.insurance.impl.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** Premium frequencies and the annual amount a premium stands for. */
public final class Premiums {
    private static final Map<String, Integer> PER_YEAR = Map.of("MONTHLY", 12, "QUARTERLY", 4, "SEMI_ANNUAL", 2, "ANNUAL", 1);
    public static final Set<String> FREQUENCIES = PER_YEAR.keySet();
    public static final Set<String> BILLING_METHODS = Set.of("DIRECT_DEBIT", "CARD", "TRANSFER", "AGENCY");

    private Premiums() {
    }

    public static BigDecimal annual(BigDecimal premium, String frequency) {
        if (premium == null) {
            return BigDecimal.ZERO;
        }
        return premium.multiply(BigDecimal.valueOf(PER_YEAR.getOrDefault(frequency, 1)));
    }

    /** The SQL expression of the annual premium of an {@code ins_policy} row aliased {@code p}. */
    public static String annualSql(String alias) {
        return "(" + alias + ".premium * CASE " + alias + ".premium_frequency WHEN 'MONTHLY' THEN 12 WHEN 'QUARTERLY' THEN 4"
                + " WHEN 'SEMI_ANNUAL' THEN 2 ELSE 1 END)";
    }
}
