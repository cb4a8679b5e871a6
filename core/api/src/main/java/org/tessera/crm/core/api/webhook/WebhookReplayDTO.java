package org.tessera.crm.core.api.webhook;

import java.time.Instant;

/** A time range of changes to deliver again: from (inclusive) to (exclusive), ISO-8601 instants. */
public class WebhookReplayDTO {
    public Instant from;
    public Instant to;
    /** In an answer: how many deliveries were queued. */
    public Integer queued;
}
