package org.tessera.crm.banking.api.rules;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.FieldError;

/**
 * Validates and evaluates lists of conditions with the evaluators registered now. The list is an
 * implicit {@code and}.
 */
@ProviderType
public interface ConditionEngine {

    /** The condition types that can be used now: the composites and every registered evaluator's. */
    Set<String> types();

    /**
     * Every fault of the conditions, each naming its path under {@code path}
     * ({@code conditions[1].conditions[0].parameters.amount}); empty when they are valid.
     */
    List<FieldError> validate(String path, List<ConditionDTO> conditions);

    /**
     * Whether all conditions hold, with their reasons. A condition whose evaluator is not
     * registered does not hold.
     */
    ConditionOutcome evaluate(List<ConditionDTO> conditions, ConditionContext context);
}
