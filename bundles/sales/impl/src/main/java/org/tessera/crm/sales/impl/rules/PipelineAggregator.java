package org.tessera.crm.sales.impl.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tessera.crm.sales.api.PipelineDTO;
import org.tessera.crm.sales.api.StageDTO;
import org.tessera.crm.sales.api.StageSummaryDTO;

/**
 * Sums opportunities per stage and currency: count, amount and probability-weighted amount.
 * Every stage of the pipeline appears (with zeros when empty and a currency is requested);
 * within a stage, currencies come in alphabetical order.
 */
public final class PipelineAggregator {
    /** The few fields of one opportunity that the summary needs. */
    public record Row(String stage, String currency, BigDecimal amount, int probability) {
    }

    private PipelineAggregator() {
    }

    public static List<StageSummaryDTO> aggregate(PipelineDTO pipeline, List<Row> rows, String requestedCurrency) {
        Map<String, Map<String, StageSummaryDTO>> byStage = new LinkedHashMap<>();
        List<StageDTO> stages = new ArrayList<>(pipeline.stages);
        stages.sort(Comparator.comparingInt(s -> s.sortOrder));
        for (StageDTO stage : stages) {
            Map<String, StageSummaryDTO> perCurrency = new TreeMap<>();
            if (requestedCurrency != null) {
                perCurrency.put(requestedCurrency, empty(stage, requestedCurrency));
            }
            byStage.put(stage.code, perCurrency);
        }
        Map<String, StageDTO> stageByCode = new LinkedHashMap<>();
        stages.forEach(s -> stageByCode.put(s.code, s));
        for (Row row : rows) {
            StageDTO stage = stageByCode.get(row.stage());
            String currency = row.currency() == null ? "" : row.currency();
            if (stage == null || (requestedCurrency != null && !requestedCurrency.equals(currency))) {
                continue;
            }
            StageSummaryDTO sum = byStage.get(stage.code).computeIfAbsent(currency, c -> empty(stage, c));
            BigDecimal amount = row.amount() == null ? BigDecimal.ZERO : row.amount();
            sum.count++;
            sum.amount = sum.amount.add(amount);
            sum.weightedAmount = sum.weightedAmount.add(Money.percentOf(amount, BigDecimal.valueOf(row.probability())));
        }
        List<StageSummaryDTO> result = new ArrayList<>();
        byStage.values().forEach(perCurrency -> perCurrency.values().forEach(sum -> {
            sum.amount = Money.round(sum.amount, sum.currency);
            sum.weightedAmount = Money.round(sum.weightedAmount, sum.currency);
            result.add(sum);
        }));
        return result;
    }

    private static StageSummaryDTO empty(StageDTO stage, String currency) {
        StageSummaryDTO sum = new StageSummaryDTO();
        sum.stage = stage.code;
        sum.name = stage.name;
        sum.sortOrder = stage.sortOrder;
        sum.forecastCategory = stage.forecastCategory;
        sum.currency = currency;
        sum.amount = BigDecimal.ZERO;
        sum.weightedAmount = BigDecimal.ZERO;
        return sum;
    }
}
