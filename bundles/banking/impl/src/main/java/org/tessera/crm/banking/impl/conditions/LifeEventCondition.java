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

/** {@code lifeEvent.recent}: the party had a life event of {@code eventType} in the last {@code withinDays} days, not expired. */
@Component(property = ConditionEvaluator.TYPE + "=" + LifeEventCondition.TYPE)
public class LifeEventCondition implements ConditionEvaluator {
    static final String TYPE = "lifeEvent.recent";
    private final BankingFacts facts;

    @Activate
    public LifeEventCondition(@Reference BankingFacts facts) {
        this.facts = facts;
    }

    @Override
    public List<FieldError> validate(String path, Map<String, Object> parameters) {
        return Parameters.check(path, parameters, Set.of("eventType", "withinDays"), Set.of()).text("eventType")
                .wholeNumber("withinDays", 1, 3650).errors;
    }

    @Override
    public ConditionOutcome evaluate(Map<String, Object> parameters, ConditionContext context) {
        String type = Parameters.text(parameters, "eventType");
        int days = Parameters.integer(parameters, "withinDays");
        return facts.lifeEvents(context).stream()
                .filter(e -> e.type.equalsIgnoreCase(type) && !e.occurredOn.isBefore(context.today().minusDays(days))).findFirst()
                .map(e -> ConditionOutcome.holds("life event " + e.type + " on " + e.occurredOn + " (within " + days + " days)"))
                .orElse(ConditionOutcome.fails());
    }
}
