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

/**
 * {@code activity.recent}: an activity with the party in the last {@code withinDays} days, of
 * {@code activityType} and over {@code channel} when given: "at each interaction" made a condition.
 */
@Component(property = ConditionEvaluator.TYPE + "=" + RecentActivityCondition.TYPE)
public class RecentActivityCondition implements ConditionEvaluator {
    static final String TYPE = "activity.recent";
    private final BankingFacts facts;

    @Activate
    public RecentActivityCondition(@Reference BankingFacts facts) {
        this.facts = facts;
    }

    @Override
    public List<FieldError> validate(String path, Map<String, Object> parameters) {
        return Parameters.check(path, parameters, Set.of("withinDays"), Set.of("activityType", "channel")).text("activityType").text("channel")
                .wholeNumber("withinDays", 1, 366).errors;
    }

    @Override
    public ConditionOutcome evaluate(Map<String, Object> parameters, ConditionContext context) {
        String type = Parameters.text(parameters, "activityType");
        String channel = Parameters.text(parameters, "channel");
        int days = Parameters.integer(parameters, "withinDays");
        return facts.recentActivities(context).stream()
                .filter(a -> a.on() != null && !a.on().isBefore(context.today().minusDays(days)))
                .filter(a -> type == null || type.equalsIgnoreCase(a.type()))
                .filter(a -> channel == null || channel.equalsIgnoreCase(a.channel())).findFirst()
                .map(a -> ConditionOutcome.holds("a " + a.type() + (a.channel() == null ? "" : " by " + a.channel()) + " on " + a.on()))
                .orElse(ConditionOutcome.fails());
    }
}
