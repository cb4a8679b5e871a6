package org.tessera.crm.banking.impl.conditions;

import java.math.BigDecimal;

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
 * {@code account.balance}: an open account of the party (of {@code accountType} and in
 * {@code currency} when given) has a balance of at least {@code min} and at most {@code max}.
 */
@Component(property = ConditionEvaluator.TYPE + "=" + BalanceCondition.TYPE)
public class BalanceCondition implements ConditionEvaluator {
    static final String TYPE = "account.balance";
    private final BankingFacts facts;

    @Activate
    public BalanceCondition(@Reference BankingFacts facts) {
        this.facts = facts;
    }

    @Override
    public List<FieldError> validate(String path, Map<String, Object> parameters) {
        Parameters checked = Parameters.check(path, parameters, Set.of(), Set.of("accountType", "currency", "min", "max")).text("accountType")
                .text("currency").amount("min").amount("max");
        if (parameters.get("min") == null && parameters.get("max") == null) {
            checked.errors.add(FieldError.required(checked.field("min")));
        }
        return checked.errors;
    }

    @Override
    public ConditionOutcome evaluate(Map<String, Object> parameters, ConditionContext context) {
        String type = Parameters.text(parameters, "accountType");
        String currency = Parameters.text(parameters, "currency");
        BigDecimal min = Parameters.decimal(parameters.get("min"));
        BigDecimal max = Parameters.decimal(parameters.get("max"));
        return facts.accounts(context).stream()
                .filter(a -> type == null || a.type.equalsIgnoreCase(type))
                .filter(a -> currency == null || a.currency.equalsIgnoreCase(currency))
                .filter(a -> a.balance != null && (min == null || a.balance.compareTo(min) >= 0) && (max == null || a.balance.compareTo(max) <= 0))
                .findFirst().map(a -> ConditionOutcome.holds("a " + a.type + " account with a balance "
                        + (min != null ? "of at least " + min.toPlainString() + " " : "") + (max != null ? "of at most " + max.toPlainString() + " " : "")
                        + a.currency))
                .orElse(ConditionOutcome.fails());
    }
}
