package org.tessera.crm.core.api.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription: where to POST which changes. The secret is written, never read back: a
 * subscription returned by the service has no secret.
 */
public class WebhookDTO {
    /** Server-owned, opaque. */
    public String id;
    /** The receiver: an absolute {@code http} or {@code https} URL. */
    public String url;
    /** The feed types delivered ({@code party}, {@code activity}, {@code sales.opportunity}…), at least one. */
    public List<String> types = List.of();
    /** Which of those changes are delivered; none: every change of the types. */
    public WebhookFilterDTO filter;
    /** The HMAC-SHA256 key of the signatures, 16 to 200 characters: required on create, write-only. */
    public String secret;
    /** Whether changes are delivered; the service turns it off after too many failures in a row. */
    public Boolean enabled;
    /** Why the service disabled the subscription, until it is enabled again. */
    public String disabledReason;
    /** Deliveries that failed in a row since the last success. */
    public Integer consecutiveFailures;
    /** Who created it; the subscription receives what that user could read in the feed. */
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    public Long version;
}
