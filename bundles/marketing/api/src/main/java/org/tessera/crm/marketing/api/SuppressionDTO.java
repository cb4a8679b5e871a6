package org.tessera.crm.marketing.api;

import java.time.Instant;

/** A party that marketing never sends to on {@code channel} (EMAIL, PHONE, POSTAL) or on any channel ({@code ALL}). */
public class SuppressionDTO {
    public String id;
    public String partyId;
    public String channel;
    public String reason;
    public Instant createdAt;
}
