package org.tessera.crm.banking.api.rules;

import java.util.List;

/**
 * Whether a condition holds, and the reasons to show the agent when it does ("a child was born on
 * 2026-10-02"). A composite gathers its operands' reasons.
 */
public record ConditionOutcome(boolean holds, List<String> reasons) {
    public static ConditionOutcome holds(String reason) {
        return new ConditionOutcome(true, List.of(reason));
    }

    public static ConditionOutcome fails() {
        return new ConditionOutcome(false, List.of());
    }

    public static ConditionOutcome of(boolean holds, String reason) {
        return holds ? holds(reason) : fails();
    }
}
