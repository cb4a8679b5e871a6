package org.tessera.crm.core.api.activity;

import java.time.Instant;

/** Criteria of an activity search; every criterion left {@code null} matches all activities. */
public class ActivityQuery {
    /** Activities in which this party participates. */
    public String partyId;
    public String type;
    public ActivityStatus status;
    /** Due at or after. */
    public Instant dueFrom;
    /** Due strictly before. */
    public Instant dueTo;
    public String ownerId;
    public String assigneeId;
    /** Activities linked to this record, {@code module:entity:id}. */
    public String link;
    /** Page size, 1 to 200. */
    public int limit = 50;
    public String cursor;
}
