package org.tessera.crm.sales.api;

import java.time.Instant;

/**
 * One prospecting attempt on a lead: its outcome (recorded as a done core activity) and,
 * optionally, the next action (planned as a core activity).
 */
public class LeadOutcomeDTO {
    /** Outcome code from the activity-outcome picklist (NO_ANSWER, PHONE_APPOINTMENT…). */
    public String outcome;
    public String note;
    public NextAction nextAction;
    /** When the next action is due; required with {@link #nextAction}. */
    public Instant nextActionAt;
}
