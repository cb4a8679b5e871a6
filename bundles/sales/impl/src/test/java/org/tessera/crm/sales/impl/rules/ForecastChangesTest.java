package org.tessera.crm.sales.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.sales.api.ForecastCategory;
import org.tessera.crm.sales.api.OpportunityDTO;

class ForecastChangesTest {
    static OpportunityDTO opportunity(String stage, String amount, int probability, LocalDate close, ForecastCategory category) {
        OpportunityDTO o = new OpportunityDTO();
        o.stage = stage;
        o.amount = amount == null ? null : new BigDecimal(amount);
        o.currency = "EUR";
        o.probability = probability;
        o.expectedCloseDate = close;
        o.forecastCategory = category;
        return o;
    }

    @Test
    void aCreateRecordsEveryTrackedField() {
        assertEquals(ForecastChanges.TRACKED, ForecastChanges.between(null, opportunity("A", "1", 10, null, ForecastCategory.PIPELINE)));
    }

    @Test
    void onlyTrackedFieldsThatChangedAreListed() {
        OpportunityDTO before = opportunity("PROPOSAL", "100.00", 70, LocalDate.of(2027, 1, 1), ForecastCategory.BEST_CASE);
        OpportunityDTO after = opportunity("NEGOTIATION", "100.0", 90, LocalDate.of(2027, 1, 1), ForecastCategory.COMMIT);
        after.name = "renamed";
        after.nextStep = "call";
        assertEquals(List.of("stage", "probability", "forecastCategory"), ForecastChanges.between(before, after));
    }

    @Test
    void amountCurrencyAndCloseDateChangesAreSeen() {
        OpportunityDTO before = opportunity("A", null, 10, null, ForecastCategory.PIPELINE);
        OpportunityDTO after = opportunity("A", "5", 10, LocalDate.of(2027, 6, 30), ForecastCategory.PIPELINE);
        assertEquals(List.of("amount", "expectedCloseDate"), ForecastChanges.between(before, after));
        OpportunityDTO inDollars = opportunity("A", "5", 10, LocalDate.of(2027, 6, 30), ForecastCategory.PIPELINE);
        inDollars.currency = "USD";
        assertEquals(List.of("amount"), ForecastChanges.between(after, inDollars));
    }

    @Test
    void aNoOpWriteChangesNothing() {
        OpportunityDTO same = opportunity("A", "5.00", 10, null, ForecastCategory.PIPELINE);
        assertEquals(List.of(), ForecastChanges.between(same, opportunity("A", "5", 10, null, ForecastCategory.PIPELINE)));
    }
}
