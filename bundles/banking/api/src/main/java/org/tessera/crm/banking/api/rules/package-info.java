/**
 * Conditions as data, evaluated by pluggable evaluators: the generic part of the next-best-offer
 * rules, free of anything banking-specific so that any pack can declare rules over it and add
 * condition types of its own. A condition is {@code {"type": "...", "parameters": {...}}}, or a
 * composite {@code and} / {@code or} / {@code not} over {@code conditions}; each other type is
 * evaluated by the {@link org.tessera.crm.banking.api.rules.ConditionEvaluator} service registered
 * with that type, which also validates its parameters. The {@link ConditionEngine} service puts them
 * together.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.banking.api.rules;
