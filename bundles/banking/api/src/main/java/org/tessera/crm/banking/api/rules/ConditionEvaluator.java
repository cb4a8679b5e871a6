package org.tessera.crm.banking.api.rules;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.tessera.crm.core.api.FieldError;

/**
 * Evaluates one type of condition. Register it as an OSGi service with the property
 * {@link #TYPE} (e.g. {@code tessera.condition.type=lifeEvent.recent}); the engine binds and unbinds
 * evaluators as bundles come and go, and a higher {@code service.ranking} overrides an evaluator of
 * the same type. A rule naming a type no evaluator provides is refused when written and does not
 * match while the evaluator is away.
 */
@ConsumerType
public interface ConditionEvaluator {
    String TYPE = "tessera.condition.type";

    /**
     * Checks the parameters of a condition of this type: each unknown, missing or malformed
     * parameter is an error whose field is {@code path + ".parameters." + name}.
     *
     * @param path where the condition is in the rule, e.g. {@code conditions[2]}
     */
    List<FieldError> validate(String path, Map<String, Object> parameters);

    /** Whether the (valid) condition holds for the context's subject, and why. */
    ConditionOutcome evaluate(Map<String, Object> parameters, ConditionContext context);
}
