package org.tessera.crm.core.impl.webhook;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Webhook targets, retries and timeouts, in {@code etc/org.tessera.crm.webhooks.cfg}. */
@ObjectClassDefinition(name = "Tessera webhooks", description = "Which targets webhooks may reach, and how deliveries are retried")
public @interface WebhookConfig {
    String PID = "org.tessera.crm.webhooks";

    @AttributeDefinition(description = "Allow targets whose host resolves to a loopback address (127.0.0.0/8, ::1): tests and local receivers only")
    boolean allowLoopback() default false;

    @AttributeDefinition(description = "Allow targets whose host resolves to a link-local (169.254.0.0/16, fe80::/10) or any-local address")
    boolean allowLinkLocal() default false;

    @AttributeDefinition(description = "Attempts of one delivery before it is dead-lettered")
    int maxAttempts() default 8;

    @AttributeDefinition(description = "Milliseconds before the first retry; each retry doubles it, with jitter")
    long baseBackoffMillis() default 5_000;

    @AttributeDefinition(description = "The longest wait between two attempts, in milliseconds")
    long maxBackoffMillis() default 3_600_000;

    @AttributeDefinition(description = "Failed deliveries in a row after which a subscription is disabled")
    int disableAfterFailures() default 50;

    @AttributeDefinition(description = "Milliseconds to connect to a receiver")
    long connectTimeoutMillis() default 5_000;

    @AttributeDefinition(description = "Milliseconds to wait for a receiver's answer")
    long requestTimeoutMillis() default 10_000;

    @AttributeDefinition(description = "Milliseconds between two looks for due deliveries when no event woke the worker")
    long pollMillis() default 1_000;

    @AttributeDefinition(description = "Changes fanned out, or deliveries claimed, per transaction")
    int batchSize() default 50;

    @AttributeDefinition(description = "Seconds a claimed delivery stays claimed; after a crash another worker takes it then")
    int claimSeconds() default 120;
}
