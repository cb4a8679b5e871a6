package org.tessera.crm.sales.impl.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tessera.crm.sales.api.OpportunityDTO;

/** Which forecast-relevant fields a write changed: those that the opportunity history snapshots. */
public final class ForecastChanges {
    public static final List<String> TRACKED = List.of("stage", "amount", "probability", "expectedCloseDate", "forecastCategory");

    private ForecastChanges() {
    }

    /** The tracked fields that differ; all of them when {@code before} is null (a create). Amounts compare by value, 10.0 = 10.00. */
    public static List<String> between(OpportunityDTO before, OpportunityDTO after) {
        if (before == null) {
            return TRACKED;
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.stage, after.stage)) {
            changed.add("stage");
        }
        if (!sameAmount(before.amount, after.amount) || !Objects.equals(before.currency, after.currency)) {
            changed.add("amount");
        }
        if (!Objects.equals(before.probability, after.probability)) {
            changed.add("probability");
        }
        if (!Objects.equals(before.expectedCloseDate, after.expectedCloseDate)) {
            changed.add("expectedCloseDate");
        }
        if (before.forecastCategory != after.forecastCategory) {
            changed.add("forecastCategory");
        }
        return changed;
    }

    static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
