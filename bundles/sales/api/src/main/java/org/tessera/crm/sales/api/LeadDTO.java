package org.tessera.crm.sales.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A prospect being worked. It references a party ({@link #partyId}); when none is given on
 * create, a person party is created from the person and company fields. {@code id},
 * {@code status} changes to CONVERTED, the {@code converted*} ids, {@code nextActivityId},
 * {@code version} and timestamps are server-owned. A converted lead is read-only.
 */
public class LeadDTO {
    public String id;
    public String partyId;
    public String firstName;
    public String lastName;
    public String email;
    public String phone;
    public String companyName;
    public String jobTitle;
    /** Where the lead came from (web, referral, trade show…). */
    public String source;
    /** HOT, WARM, COLD or any code the team uses. */
    public String rating;
    public LeadStatus status;
    /** Required when {@link #status} is DISQUALIFIED. */
    public String disqualifiedReason;
    /** Outcome code of the last contact attempt (activity-outcome picklist). */
    public String lastOutcome;
    public Instant lastOutcomeAt;
    public NextAction nextAction;
    public Instant nextActionAt;
    /** The planned core activity created for {@link #nextAction}. */
    public String nextActivityId;
    /** Agent working the lead. */
    public String ownerId;
    public String campaignId;
    public String convertedContactId;
    public String convertedAccountId;
    public String convertedOpportunityId;
    public Instant convertedAt;
    public Map<String, Object> customFields = new LinkedHashMap<>();
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
