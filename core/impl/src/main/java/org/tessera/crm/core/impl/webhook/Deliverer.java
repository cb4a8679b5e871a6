package org.tessera.crm.core.impl.webhook;

import java.time.Instant;

/** Makes one attempt of a claimed delivery: over HTTP in the server ({@link WebhookSender}), scripted in tests. */
interface Deliverer {
    WebhookSender.Outcome send(Claimed delivery, Instant now);
}
