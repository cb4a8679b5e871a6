package org.tessera.crm.banking.api.rules;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a condition is evaluated about: a subject (a party id) on a day. Facts that several
 * conditions read (the party, its accounts, its rollup) are loaded once per evaluation through
 * {@link #fact}, whatever the number of rules.
 */
@ProviderType
public interface ConditionContext {
    /** The party the rules are evaluated for. */
    String subjectId();

    /** The day of the evaluation (the reference of "recent" and of ages). */
    LocalDate today();

    /**
     * The fact named {@code key}, loaded by {@code loader} the first time it is asked for in this
     * evaluation, then remembered. Name keys by module ({@code banking.accounts}) so that evaluators
     * of different packs do not collide.
     */
    <T> T fact(String key, Supplier<T> loader);
}
