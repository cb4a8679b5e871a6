package org.tessera.crm.marketing.api;

import java.time.Instant;

/** A party in a campaign. The member is addressed by its campaign and party. */
public class MemberDTO {
    public String campaignId;
    public String partyId;
    /** The party's display name (read-only). */
    public String displayName;
    public String status;
    public Instant addedAt;
    public Instant firstRespondedAt;
    public String offerId;
    /** The activity that recorded the last contact. */
    public String activityId;
    /** How the member was added: MANUAL, BULK, LIST, SEGMENT. */
    public String source;
    /** SENT, BOUNCED, FAILED, SUPPRESSED, or null before a send. */
    public String sendStatus;
    public String sendError;
    public long version;
}
