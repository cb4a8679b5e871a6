package org.tessera.crm.insurance.api;

/**
 * The life of a policy term: {@code QUOTE → IN_FORCE → LAPSED | CANCELLED → REINSTATED}, and a term
 * in force ends {@code RENEWED} (a new term follows it) or {@code EXPIRED}.
 */
public enum PolicyStatus {
    QUOTE, IN_FORCE, LAPSED, CANCELLED, REINSTATED, RENEWED, EXPIRED;

    /** Whether the term can be changed as in force: in force or reinstated. */
    public boolean inForce() {
        return this == IN_FORCE || this == REINSTATED;
    }

    /** Whether the term covers its dates: in force, reinstated, or renewed (a renewed term runs to its end). */
    public boolean covering() {
        return inForce() || this == RENEWED;
    }
}
