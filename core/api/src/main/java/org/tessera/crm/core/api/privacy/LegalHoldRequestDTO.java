package org.tessera.crm.core.api.privacy;

/** The body of {@code PUT /v1/parties/{id}/legal-hold}. */
public class LegalHoldRequestDTO {
    /** Why the hold is set: required, at most 500 characters. */
    public String reason;
}
