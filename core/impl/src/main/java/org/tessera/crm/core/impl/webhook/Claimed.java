package org.tessera.crm.core.impl.webhook;

/** A delivery claimed by this worker, with what it takes to send it. */
record Claimed(long id, long subscriptionId, long eventId, String url, String secret, String payload, int attempts) {
}
