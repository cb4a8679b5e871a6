package org.tessera.crm.core.api.webhook;

import java.time.Instant;

/** One change to deliver to one subscription, and where its delivery stands. */
public class WebhookDeliveryDTO {
    public String id;
    /** The outbox event delivered: sent as the {@code Tessera-Event-Id} header, the same on every attempt. */
    public String eventId;
    /** The change's position in the feed. */
    public long position;
    public String type;
    public String action;
    public String recordId;
    /** {@code PENDING}, {@code DELIVERING}, {@code DELIVERED} or {@code DEAD}. */
    public String state;
    /** Attempts made so far. */
    public int attempts;
    /** The HTTP status of the last attempt, absent when it got no answer. */
    public Integer lastStatus;
    /** Why the last attempt failed. */
    public String lastError;
    public Instant lastAttemptAt;
    /** When the next attempt is due (pending deliveries). */
    public Instant nextAttemptAt;
    public Instant createdAt;
}
