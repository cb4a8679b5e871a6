package org.tessera.crm.core.impl.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SubscriptionTest {
    private static Subscription sub(List<String> types, List<String> actions, List<String> fields) {
        return new Subscription(1, "https://hooks.example.com/", types, actions, fields, "s".repeat(16), true, null, 0, "admin",
                Instant.EPOCH, Instant.EPOCH, 1);
    }

    @Test
    void matchesItsTypesThenItsFilter() {
        Subscription all = sub(List.of("party", "sales.opportunity"), List.of(), List.of());
        assertTrue(all.matches("party", "DELETED", List.of()));
        assertTrue(all.matches("sales.opportunity", "WON", List.of()));
        assertFalse(all.matches("activity", "CREATED", List.of()));

        Subscription created = sub(List.of("party"), List.of("CREATED"), List.of());
        assertTrue(created.matches("party", "CREATED", List.of()));
        assertFalse(created.matches("party", "UPDATED", List.of("name")));

        Subscription phones = sub(List.of("party"), List.of(), List.of("contactMechanisms", "email"));
        assertTrue(phones.matches("party", "UPDATED", List.of("jobTitle", "email")));
        assertFalse(phones.matches("party", "UPDATED", List.of("jobTitle")));
        assertTrue(phones.matches("party", "CREATED", List.of()), "the changed fields narrow updates only");
    }
}
