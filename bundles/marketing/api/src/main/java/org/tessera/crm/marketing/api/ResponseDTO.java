package org.tessera.crm.marketing.api;

/** A member's response, recorded as a core activity linked to the campaign; it moves the member to {@link #status}. */
public class ResponseDTO {
    /** Activity channel code; the campaign type's channel when absent. */
    public String channel;
    /** Activity outcome code (NOT_INTERESTED, MEETING_SET…). */
    public String outcome;
    /** The member status to move to; required. */
    public String status;
    public String offerId;
    public String notes;
}
