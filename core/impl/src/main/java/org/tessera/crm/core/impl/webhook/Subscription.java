package org.tessera.crm.core.impl.webhook;

import java.time.Instant;
import java.util.List;

/** A stored subscription, secret included: never leaves the core. */
record Subscription(long id, String url, List<String> types, List<String> actions, List<String> changedFields, String secret,
        boolean enabled, String disabledReason, int consecutiveFailures, String createdBy, Instant createdAt, Instant updatedAt,
        long version) {

    /** Whether a change of {@code type} and {@code action} with {@code changed} fields is for this subscription. */
    boolean matches(String type, String action, List<String> changed) {
        if (!types.contains(type) || !actions.isEmpty() && !actions.contains(action)) {
            return false;
        }
        return changedFields.isEmpty() || !action.equals("UPDATED") || changed.stream().anyMatch(changedFields::contains);
    }

    Subscription withState(boolean enabled, String disabledReason, int failures, Instant updatedAt, long version) {
        return new Subscription(id, url, types, actions, changedFields, secret, enabled, disabledReason, failures, createdBy,
                createdAt, updatedAt, version);
    }
}
