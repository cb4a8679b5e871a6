package org.tessera.crm.insurance.api;

/**
 * The health data of a (health or life) policy: sensitive. Only callers with
 * {@code insurance.health.read} see it, only callers with {@code insurance.health.write} change it,
 * and the audit trail masks it.
 */
public class HealthDeclarationDTO {
    public Boolean smoker;
    public Integer heightCm;
    public Integer weightKg;
    /** Pre-existing conditions, as declared. */
    public String conditions;
}
