package org.tessera.crm.insurance.api;

import java.time.LocalDate;

/** A change of a term's status: issue (to IN_FORCE), cancel (date and reason required), lapse, reinstate, expire. */
public class PolicyTransitionDTO {
    public PolicyStatus status;
    /** The cancellation date; {@code null}: today. */
    public LocalDate date;
    public String reason;
}
