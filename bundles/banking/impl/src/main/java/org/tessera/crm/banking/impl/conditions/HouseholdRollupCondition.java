package org.tessera.crm.banking.impl.conditions;

import java.math.BigDecimal;

import org.tessera.crm.banking.api.CurrencyTotalsDTO;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.rules.ConditionContext;
import org.tessera.crm.banking.api.rules.ConditionEvaluator;
import org.tessera.crm.banking.api.rules.ConditionOutcome;
import org.tessera.crm.banking.impl.BankingFacts;
import org.tessera.crm.core.api.FieldError;

/**
 * {@code household.rollup}: a figure of the party's primary household rollup (its own when it has
 * no household) in {@code currency} is at least {@code min} and at most {@code max}.
 */
@Component(property = ConditionEvaluator.TYPE + "=" + HouseholdRollupCondition.TYPE)
public class HouseholdRollupCondition implements ConditionEvaluator {
    static final String TYPE = "household.rollup";
    static final Set<String> METRICS = Set.of("deposits", "investments", "loans", "assets", "liabilities", "netWorth");
    private final BankingFacts facts;

    @Activate
    public HouseholdRollupCondition(@Reference BankingFacts facts) {
        this.facts = facts;
    }

    @Override
    public List<FieldError> validate(String path, Map<String, Object> parameters) {
        Parameters checked = Parameters.check(path, parameters, Set.of("metric", "currency"), Set.of("min", "max")).oneOf("metric", METRICS)
                .text("currency").amount("min").amount("max");
        if (parameters.get("min") == null && parameters.get("max") == null) {
            checked.errors.add(FieldError.required(checked.field("min")));
        }
        return checked.errors;
    }

    @Override
    public ConditionOutcome evaluate(Map<String, Object> parameters, ConditionContext context) {
        String metric = Parameters.text(parameters, "metric");
        String currency = Parameters.text(parameters, "currency");
        BigDecimal min = Parameters.decimal(parameters.get("min"));
        BigDecimal max = Parameters.decimal(parameters.get("max"));
        BigDecimal value = facts.rollup(context).totals.stream().filter(t -> t.currency.equalsIgnoreCase(currency)).findFirst()
                .map(t -> figure(t, metric)).orElse(BigDecimal.ZERO);
        boolean holds = (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
        return ConditionOutcome.of(holds, "household " + metric + " of " + value.stripTrailingZeros().toPlainString() + " " + currency);
    }

    static BigDecimal figure(CurrencyTotalsDTO totals, String metric) {
        return switch (metric) {
            case "deposits" -> totals.deposits;
            case "investments" -> totals.investments;
            case "loans" -> totals.loans;
            case "assets" -> totals.assets;
            case "liabilities" -> totals.liabilities;
            default -> totals.netWorth;
        };
    }
}
