package org.tessera.crm.insurance.api;

/**
 * The life of a policy term: {@code QUOTE → IN_FORCE → LAPSED | CANCELLED → REINSTATED}, and a term
 * in force ends {@code RENEWED} (a new term follows it) or {@code EXPIRED}.
 */
public enum PolicyStatus {
    QUOTE, IN_FORCE, LAPSED, CANCELLED, REINSTATED, RENEWED, EXPIRED;

    /** Whether the term covers losses: in force or reinstated. */
    public boolean inForce() {
        return this == IN_FORCE || this == REINSTATED;
    }
}
