package org.tessera.crm.core.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {
    private final MutableClock clock = new MutableClock();
    private final VerifiedCredentials verified = new VerifiedCredentials(clock, Duration.ofMinutes(1), 3);

    @Test
    void credentialsAcceptedAMomentAgoAreKnownUntilTheirTimeRunsOut() {
        VerifiedCredentials.Entry entry = verified.entry("10.0.0.1", "admin", "secret");
        assertFalse(verified.recentlyVerified(entry));
        verified.verified(entry);
        clock.now = clock.now.plusSeconds(59);
        assertTrue(verified.recentlyVerified(entry));
        clock.now = clock.now.plusSeconds(2);
        assertFalse(verified.recentlyVerified(entry), "a minute later the credentials are counted again");
    }

    @Test
    void anotherPasswordAddressOrLoginIsNotKnown() {
        verified.verified(verified.entry("10.0.0.1", "admin", "secret"));
        assertFalse(verified.recentlyVerified(verified.entry("10.0.0.1", "admin", "guess")));
        assertFalse(verified.recentlyVerified(verified.entry("10.0.0.2", "admin", "secret")));
        assertFalse(verified.recentlyVerified(verified.entry("10.0.0.1", "root", "secret")));
        assertTrue(verified.recentlyVerified(verified.entry("10.0.0.1", "Admin", "secret")), "logins are case-insensitive, as the throttle counts them");
    }

    @Test
    void aFailedPasswordOfThePairHasEvenTheRightOneCountedAgain() {
        verified.verified(verified.entry("10.0.0.1", "admin", "secret"));
        verified.failed(verified.entry("10.0.0.1", "admin", "guess"));
        assertFalse(verified.recentlyVerified(verified.entry("10.0.0.1", "admin", "secret")));
    }

    @Test
    void theEntryIsNeitherThePasswordNorTheSameInAnotherProcess() {
        VerifiedCredentials.Entry entry = verified.entry("10.0.0.1", "admin", "secret");
        assertFalse(entry.credentials().contains("secret"));
        assertNotEquals(entry, new VerifiedCredentials(clock, Duration.ofMinutes(1), 3).entry("10.0.0.1", "admin", "secret"));
    }

    @Test
    void theLeastRecentlyUsedGoFirst() {
        for (int i = 0; i < 5; i++) {
            verified.verified(verified.entry("10.0.0." + i, "admin", "secret"));
        }
        assertEquals(3, verified.size());
        assertFalse(verified.recentlyVerified(verified.entry("10.0.0.0", "admin", "secret")));
        assertTrue(verified.recentlyVerified(verified.entry("10.0.0.4", "admin", "secret")));
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
