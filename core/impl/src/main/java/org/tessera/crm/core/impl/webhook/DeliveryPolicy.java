package org.tessera.crm.core.impl.webhook;

import java.time.Duration;

/** How the worker retries and batches: from {@link WebhookConfig}, or chosen by a test. */
record DeliveryPolicy(int maxAttempts, Backoff backoff, int disableAfterFailures, int batchSize, Duration claim) {

    DeliveryPolicy {
        if (maxAttempts < 1 || disableAfterFailures < 1 || batchSize < 1 || claim.isNegative() || claim.isZero()) {
            throw new IllegalArgumentException("webhook attempts, failures before disabling, batch size and claim must be positive");
        }
    }

    static DeliveryPolicy of(WebhookConfig config) {
        return new DeliveryPolicy(config.maxAttempts(), new Backoff(config.baseBackoffMillis(), config.maxBackoffMillis()),
                config.disableAfterFailures(), config.batchSize(), Duration.ofSeconds(config.claimSeconds()));
    }
}
