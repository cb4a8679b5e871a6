package org.tessera.crm.banking.impl.conditions;

import java.time.Period;
import java.util.Objects;

import org.tessera.crm.core.api.party.PartyDTO;

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
 * {@code party.profile}: conditions over the party itself: a {@code classification} it has, a
 * custom field ({@code customField}) equal to {@code equals}, an age from {@code minAge} to
 * {@code maxAge} (the age band; a party without a birth date is in none).
 */
@Component(property = ConditionEvaluator.TYPE + "=" + PartyCondition.TYPE)
public class PartyCondition implements ConditionEvaluator {
    static final String TYPE = "party.profile";
    private final BankingFacts facts;

    @Activate
    public PartyCondition(@Reference BankingFacts facts) {
        this.facts = facts;
    }

    @Override
    public List<FieldError> validate(String path, Map<String, Object> parameters) {
        Parameters checked = Parameters.check(path, parameters, Set.of(), Set.of("classification", "customField", "equals", "minAge", "maxAge"))
                .text("classification").text("customField").wholeNumber("minAge", 0, 150).wholeNumber("maxAge", 0, 150);
        if ((parameters.get("customField") == null) != (parameters.get("equals") == null)) {
            checked.errors.add(FieldError.required(checked.field(parameters.get("customField") == null ? "customField" : "equals")));
        }
        if (parameters.isEmpty()) {
            checked.errors.add(FieldError.required(checked.field("classification")));
        }
        return checked.errors;
    }

    @Override
    public ConditionOutcome evaluate(Map<String, Object> parameters, ConditionContext context) {
        PartyDTO party = facts.party(context);
        if (party == null) {
            return ConditionOutcome.fails();
        }
        StringBuilder reason = new StringBuilder();
        String classification = Parameters.text(parameters, "classification");
        if (classification != null) {
            if (party.classifications.stream().noneMatch(classification::equalsIgnoreCase)) {
                return ConditionOutcome.fails();
            }
            reason.append("classified ").append(classification);
        }
        String field = Parameters.text(parameters, "customField");
        if (field != null) {
            Object value = party.customFields.get(field);
            if (value == null || !Objects.equals(value.toString(), parameters.get("equals").toString())) {
                return ConditionOutcome.fails();
            }
            reason.append(reason.length() > 0 ? ", " : "").append(field).append(" = ").append(value);
        }
        Integer minAge = Parameters.integer(parameters, "minAge");
        Integer maxAge = Parameters.integer(parameters, "maxAge");
        if (minAge != null || maxAge != null) {
            if (party.birthDate == null) {
                return ConditionOutcome.fails();
            }
            int age = Period.between(party.birthDate, context.today()).getYears();
            if (minAge != null && age < minAge || maxAge != null && age > maxAge) {
                return ConditionOutcome.fails();
            }
            reason.append(reason.length() > 0 ? ", " : "").append("aged ").append(age);
        }
        return ConditionOutcome.holds(reason.toString());
    }
}
