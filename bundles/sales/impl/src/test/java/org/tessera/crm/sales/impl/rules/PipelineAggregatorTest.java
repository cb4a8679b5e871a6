package org.tessera.crm.sales.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.sales.api.ForecastCategory;
import org.tessera.crm.sales.api.PipelineDTO;
import org.tessera.crm.sales.api.StageSummaryDTO;

class PipelineAggregatorTest {
    static PipelineDTO pipeline() {
        PipelineDTO p = new PipelineDTO();
        p.id = "1";
        p.stages.add(StageRulesTest.NEGOTIATION);
        p.stages.add(StageRulesTest.PROPOSAL);
        return p;
    }

    static PipelineAggregator.Row row(String stage, String currency, String amount, int probability) {
        return new PipelineAggregator.Row(stage, currency, amount == null ? null : new BigDecimal(amount), probability);
    }

    @Test
    void sumsCountAmountAndWeightedAmountPerStageAndCurrencyInStageOrder() {
        List<StageSummaryDTO> sums = PipelineAggregator.aggregate(pipeline(), List.of(
                row("PROPOSAL", "EUR", "1000", 70), row("PROPOSAL", "EUR", "333.33", 50),
                row("PROPOSAL", "USD", "200", 70), row("NEGOTIATION", "EUR", "10", 90),
                row("NEGOTIATION", "EUR", null, 90), row("UNKNOWN", "EUR", "5", 10)), null);
        assertEquals(List.of("PROPOSAL/EUR", "PROPOSAL/USD", "NEGOTIATION/EUR"),
                sums.stream().map(s -> s.stage + "/" + s.currency).toList());
        StageSummaryDTO proposalEur = sums.get(0);
        assertEquals(2, proposalEur.count);
        assertEquals(new BigDecimal("1333.33"), proposalEur.amount);
        // 700 + 166.665 = 866.665 → 866.67
        assertEquals(new BigDecimal("866.67"), proposalEur.weightedAmount);
        assertEquals(ForecastCategory.BEST_CASE, proposalEur.forecastCategory);
        assertEquals(2, sums.get(2).count);
        assertEquals(new BigDecimal("9.00"), sums.get(2).weightedAmount);
    }

    @Test
    void aRequestedCurrencyKeepsOnlyItsOpportunitiesAndShowsEveryStage() {
        List<StageSummaryDTO> sums = PipelineAggregator.aggregate(pipeline(), List.of(
                row("PROPOSAL", "USD", "200", 70), row("NEGOTIATION", "JPY", "1000", 90)), "JPY");
        assertEquals(2, sums.size());
        assertEquals(0, sums.get(0).count);
        assertEquals(new BigDecimal("0"), sums.get(0).amount);
        assertEquals(new BigDecimal("900"), sums.get(1).weightedAmount);
    }
}
