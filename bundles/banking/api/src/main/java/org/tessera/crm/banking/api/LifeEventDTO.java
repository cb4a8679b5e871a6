package org.tessera.crm.banking.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something that happened in a person's life: a code of the {@code banking-life-event-type}
 * picklist (MARRIAGE, BIRTH_OF_CHILD, NEW_JOB, RETIREMENT, RELOCATION, BEREAVEMENT, HOME_PURCHASE…),
 * the day it happened and, optionally, the day after which it no longer says anything (offer
 * rules ignore an expired event).
 */
public class LifeEventDTO {
    public String id;
    public String partyId;
    public String type;
    public LocalDate occurredOn;
    public LocalDate expiresOn;
    public String notes;
    /** AGENT when recorded through the API, IMPORT when loaded. Server-owned. */
    public String source;
    public String recordedBy;
    public Instant createdAt;
    public long version;
}
