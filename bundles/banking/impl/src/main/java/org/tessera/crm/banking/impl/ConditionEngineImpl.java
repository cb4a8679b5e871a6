package org.tessera.crm.banking.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tessera.crm.banking.api.rules.ConditionContext;
import org.tessera.crm.banking.api.rules.ConditionDTO;
import org.tessera.crm.banking.api.rules.ConditionEngine;
import org.tessera.crm.banking.api.rules.ConditionEvaluator;
import org.tessera.crm.banking.api.rules.ConditionOutcome;
import org.tessera.crm.core.api.FieldError;

/**
 * The condition engine: the composites itself, every other type by the evaluator registered for
 * it (the highest {@code service.ranking} when several are). Evaluators come and go with their
 * bundles; a condition whose evaluator left does not hold.
 */
@Component(service = ConditionEngine.class)
public class ConditionEngineImpl implements ConditionEngine {
    static final int MAX_DEPTH = 8;
    private final List<Registered> evaluators = new CopyOnWriteArrayList<>();

    private record Registered(String type, int ranking, ConditionEvaluator evaluator) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEvaluator(ConditionEvaluator evaluator, Map<String, Object> properties) {
        Object type = properties.get(ConditionEvaluator.TYPE);
        if (type != null) {
            Object ranking = properties.get(Constants.SERVICE_RANKING);
            evaluators.add(new Registered(type.toString(), ranking instanceof Integer r ? r : 0, evaluator));
        }
    }

    void removeEvaluator(ConditionEvaluator evaluator) {
        evaluators.removeIf(r -> r.evaluator == evaluator);
    }

    Optional<ConditionEvaluator> evaluator(String type) {
        return evaluators.stream().filter(r -> r.type.equals(type)).max(Comparator.comparingInt(Registered::ranking))
                .map(Registered::evaluator);
    }

    @Override
    public Set<String> types() {
        Set<String> types = new TreeSet<>(List.of(ConditionDTO.AND, ConditionDTO.OR, ConditionDTO.NOT));
        evaluators.forEach(r -> types.add(r.type));
        return types;
    }

    @Override
    public List<FieldError> validate(String path, List<ConditionDTO> conditions) {
        List<FieldError> errors = new ArrayList<>();
        validateList(path, conditions, 0, errors);
        return errors;
    }

    private void validateList(String path, List<ConditionDTO> conditions, int depth, List<FieldError> errors) {
        if (conditions == null) {
            return;
        }
        for (int i = 0; i < conditions.size(); i++) {
            validateOne(path + "[" + i + "]", conditions.get(i), depth, errors);
        }
    }

    private void validateOne(String at, ConditionDTO condition, int depth, List<FieldError> errors) {
        if (condition == null) {
            errors.add(FieldError.required(at));
            return;
        }
        if (depth >= MAX_DEPTH) {
            errors.add(FieldError.invalid(at, "conditions nest at most " + MAX_DEPTH + " deep"));
            return;
        }
        if (condition.type == null || condition.type.isBlank()) {
            errors.add(FieldError.required(at + ".type"));
            return;
        }
        if (isComposite(condition.type)) {
            if (condition.parameters != null && !condition.parameters.isEmpty()) {
                condition.parameters.keySet().forEach(k -> errors.add(new FieldError(at + ".parameters." + k, "unknown",
                        "'" + condition.type + "' takes no parameters, only conditions")));
            }
            int size = condition.conditions == null ? 0 : condition.conditions.size();
            if (size == 0 || ConditionDTO.NOT.equals(condition.type) && size != 1) {
                errors.add(FieldError.invalid(at + ".conditions", ConditionDTO.NOT.equals(condition.type)
                        ? "'not' takes exactly one condition" : "'" + condition.type + "' needs at least one condition"));
            }
            validateList(at + ".conditions", condition.conditions, depth + 1, errors);
            return;
        }
        Optional<ConditionEvaluator> evaluator = evaluator(condition.type);
        if (evaluator.isEmpty()) {
            errors.add(FieldError.invalid(at + ".type", "unknown condition type '" + condition.type + "'; known: " + types()));
            return;
        }
        if (condition.conditions != null && !condition.conditions.isEmpty()) {
            errors.add(new FieldError(at + ".conditions", "unknown", "only and, or and not have nested conditions"));
        }
        errors.addAll(evaluator.get().validate(at, condition.parameters == null ? Map.of() : condition.parameters));
    }

    @Override
    public ConditionOutcome evaluate(List<ConditionDTO> conditions, ConditionContext context) {
        List<String> reasons = new ArrayList<>();
        for (ConditionDTO condition : conditions) {
            ConditionOutcome outcome = evaluateOne(condition, context);
            if (!outcome.holds()) {
                return ConditionOutcome.fails();
            }
            reasons.addAll(outcome.reasons());
        }
        return new ConditionOutcome(true, reasons);
    }

    private ConditionOutcome evaluateOne(ConditionDTO condition, ConditionContext context) {
        switch (condition.type) {
            case ConditionDTO.AND:
                return evaluate(condition.conditions, context);
            case ConditionDTO.OR:
                for (ConditionDTO operand : condition.conditions) {
                    ConditionOutcome outcome = evaluateOne(operand, context);
                    if (outcome.holds()) {
                        return outcome;
                    }
                }
                return ConditionOutcome.fails();
            case ConditionDTO.NOT:
                ConditionOutcome inner = evaluateOne(condition.conditions.get(0), context);
                return inner.holds() ? ConditionOutcome.fails() : ConditionOutcome.holds("not (" + condition.conditions.get(0).type + ")");
            default:
                return evaluator(condition.type).map(e -> e.evaluate(condition.parameters, context)).orElse(ConditionOutcome.fails());
        }
    }

    private static boolean isComposite(String type) {
        return ConditionDTO.AND.equals(type) || ConditionDTO.OR.equals(type) || ConditionDTO.NOT.equals(type);
    }
}
