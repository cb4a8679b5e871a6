package org.tessera.crm.banking.impl.conditions;

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

/** {@code account.hasProduct}: the party owns an open account of {@code accountType} ({@code has: false}: owns none). */
@Component(property = ConditionEvaluator.TYPE + "=" + ProductHeldCondition.TYPE)
public class ProductHeldCondition implements ConditionEvaluator {
    static final String TYPE = "account.hasProduct";
    private final BankingFacts facts;

    @Activate
    public ProductHeldCondition(@Reference BankingFacts facts) {
        this.facts = facts;
    }

    @Override
    public List<FieldError> validate(String path, Map<String, Object> parameters) {
        return Parameters.check(path, parameters, Set.of("accountType"), Set.of("has")).text("accountType").bool("has").errors;
    }

    @Override
    public ConditionOutcome evaluate(Map<String, Object> parameters, ConditionContext context) {
        String type = Parameters.text(parameters, "accountType");
        boolean wanted = !Boolean.FALSE.equals(parameters.get("has"));
        boolean has = facts.accounts(context).stream().anyMatch(a -> a.type.equalsIgnoreCase(type));
        return ConditionOutcome.of(has == wanted, (has ? "holds a " : "holds no ") + type + " account");
    }
}
