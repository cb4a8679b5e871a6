package org.tessera.crm.core.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Webhook subscriptions and their deliveries, provided by the core. Every change is audited; the
 * caller's permission to administer webhooks is checked by the REST resource.
 */
@ProviderType
public interface WebhookService {
    /** Deliveries listed per page at most. */
    int MAX_DELIVERIES = 200;

    List<WebhookDTO> list();

    Optional<WebhookDTO> find(String id);

    /**
     * Creates a subscription for the changes of {@code input.types} that the caller may read.
     *
     * @throws org.tessera.crm.core.api.ValidationException naming the field: a bad or refused URL
     *         (not http(s), or a host resolving to a loopback, link-local or any-local address
     *         that the configuration does not allow), an unknown or unreadable type, a short secret
     */
    WebhookDTO create(WebhookDTO input);

    /**
     * Replaces a subscription; a {@code null} secret keeps the stored one. Enabling it again
     * resets its count of failures.
     *
     * @param expectedVersion the version read, or {@code null} for any
     * @throws org.tessera.crm.core.api.StaleVersionException when it changed meanwhile
     * @throws org.tessera.crm.core.api.NotFoundException when there is no such subscription
     */
    WebhookDTO update(String id, Long expectedVersion, WebhookDTO input);

    /** Deletes a subscription and its delivery log. */
    void delete(String id, Long expectedVersion);

    /** The newest deliveries first, those before {@code beforeId} when given; {@code state} narrows when given. */
    List<WebhookDeliveryDTO> deliveries(String id, String state, String beforeId, int limit);

    /** Queues a dead (or delivered) delivery again, attempts from zero. */
    WebhookDeliveryDTO replay(String id, String deliveryId);

    /**
     * Queues again the changes of the subscription's types and filter recorded from {@code from}
     * (inclusive) to {@code to} (exclusive) that the outbox still keeps.
     *
     * @return the number of deliveries queued
     */
    int replay(String id, Instant from, Instant to);
}
