package org.tessera.crm.banking.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.tessera.crm.banking.api.rules.ConditionContext;
import org.tessera.crm.banking.api.rules.ConditionDTO;
import org.tessera.crm.banking.api.rules.ConditionEvaluator;
import org.tessera.crm.banking.api.rules.ConditionOutcome;
import org.tessera.crm.core.api.FieldError;

/** Conditions as data: composites, pluggable evaluators, validation paths, overrides by ranking. */
class ConditionEngineTest {
    private final ConditionEngineImpl engine = new ConditionEngineImpl();
    private final AtomicInteger factLoads = new AtomicInteger();

    /** {@code flag}: holds when its parameter {@code value} is true; reads a shared fact to show it is loaded once. */
    private final ConditionEvaluator flag = new ConditionEvaluator() {
        @Override
        public List<FieldError> validate(String path, Map<String, Object> parameters) {
            return parameters.keySet().stream().filter(k -> !k.equals("value"))
                    .map(k -> new FieldError(path + ".parameters." + k, "unknown", "not a parameter")).toList();
        }

        @Override
        public ConditionOutcome evaluate(Map<String, Object> parameters, ConditionContext context) {
            context.fact("test.shared", () -> factLoads.incrementAndGet());
            return ConditionOutcome.of(Boolean.TRUE.equals(parameters.get("value")), "flag was set");
        }
    };

    @Test
    void validationNamesThePathOfEachFault() {
        engine.addEvaluator(flag, Map.of(ConditionEvaluator.TYPE, "flag"));
        ConditionDTO unknownParameter = new ConditionDTO("flag", Map.of("valeu", true));
        ConditionDTO unknownType = new ConditionDTO("horoscope", Map.of());
        ConditionDTO or = new ConditionDTO(ConditionDTO.OR, Map.of());
        or.conditions.add(new ConditionDTO("flag", Map.of("value", true)));
        or.conditions.add(unknownParameter);
        ConditionDTO emptyNot = new ConditionDTO(ConditionDTO.NOT, Map.of());
        List<FieldError> errors = engine.validate("conditions", List.of(or, unknownType, emptyNot, new ConditionDTO()));
        assertEquals(List.of("conditions[0].conditions[1].parameters.valeu", "conditions[1].type", "conditions[2].conditions",
                "conditions[3].type"), errors.stream().map(e -> e.field).toList());
    }

    @Test
    void compositesCombineAndFactsAreLoadedOncePerEvaluation() {
        engine.addEvaluator(flag, Map.of(ConditionEvaluator.TYPE, "flag"));
        ConditionDTO yes = new ConditionDTO("flag", Map.of("value", true));
        ConditionDTO no = new ConditionDTO("flag", Map.of("value", false));
        ConditionDTO not = new ConditionDTO(ConditionDTO.NOT, Map.of());
        not.conditions.add(no);
        ConditionDTO or = new ConditionDTO(ConditionDTO.OR, Map.of());
        or.conditions.addAll(List.of(no, yes));
        EvaluationContext context = new EvaluationContext("42", LocalDate.of(2026, 12, 2));
        ConditionOutcome outcome = engine.evaluate(List.of(yes, not, or), context);
        assertTrue(outcome.holds());
        assertEquals(List.of("flag was set", "not (flag)", "flag was set"), outcome.reasons());
        assertFalse(engine.evaluate(List.of(yes, no), context).holds());
        assertEquals(1, factLoads.get());
    }

    @Test
    void anEvaluatorThatLeftMakesItsConditionFailAndTheHighestRankingWins() {
        ConditionEvaluator always = new ConditionEvaluator() {
            @Override
            public List<FieldError> validate(String path, Map<String, Object> parameters) {
                return List.of();
            }

            @Override
            public ConditionOutcome evaluate(Map<String, Object> parameters, ConditionContext context) {
                return ConditionOutcome.holds("overridden");
            }
        };
        engine.addEvaluator(flag, Map.of(ConditionEvaluator.TYPE, "flag"));
        engine.addEvaluator(always, Map.of(ConditionEvaluator.TYPE, "flag", Constants.SERVICE_RANKING, 10));
        EvaluationContext context = new EvaluationContext("42", LocalDate.of(2026, 12, 2));
        ConditionDTO no = new ConditionDTO("flag", Map.of("value", false));
        assertEquals(List.of("overridden"), engine.evaluate(List.of(no), context).reasons());
        engine.removeEvaluator(always);
        engine.removeEvaluator(flag);
        assertFalse(engine.evaluate(List.of(no), context).holds());
        assertTrue(engine.types().containsAll(List.of("and", "or", "not")));
        assertFalse(engine.types().contains("flag"));
    }
}
