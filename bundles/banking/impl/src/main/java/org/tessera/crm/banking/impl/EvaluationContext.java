package org.tessera.crm.banking.impl;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.tessera.crm.banking.api.rules.ConditionContext;

/** One evaluation's context: the facts loaded once, whatever the number of rules that read them. Not shared between threads. */
final class EvaluationContext implements ConditionContext {
    private final String subjectId;
    private final LocalDate today;
    private final Map<String, Object> facts = new HashMap<>();

    EvaluationContext(String subjectId, LocalDate today) {
        this.subjectId = subjectId;
        this.today = today;
    }

    @Override
    public String subjectId() {
        return subjectId;
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T fact(String key, Supplier<T> loader) {
        Object value = facts.get(key);
        if (value == null && !facts.containsKey(key)) {
            value = loader.get();
            facts.put(key, value);
        }
        return (T) value;
    }
}
