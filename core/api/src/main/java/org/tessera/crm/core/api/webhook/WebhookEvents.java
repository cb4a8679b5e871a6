package org.tessera.crm.core.api.webhook;

/** The domain events of webhooks, recorded in the outbox like any other. */
public final class WebhookEvents {
    /** A subscription was disabled after too many failed deliveries in a row; properties {@code id}, {@code url}, {@code reason}. */
    public static final String DISABLED = "org/tessera/crm/core/webhook/DISABLED";
    /** Property of {@link #DISABLED}: the subscription's URL. */
    public static final String URL = "url";
    /** Property of {@link #DISABLED}: why. */
    public static final String REASON = "reason";
    /** The entity type of a subscription, in events and the audit trail. */
    public static final String ENTITY_TYPE = "WEBHOOK";

    private WebhookEvents() {
    }
}
