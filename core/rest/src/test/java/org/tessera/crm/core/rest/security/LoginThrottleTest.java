package org.tessera.crm.core.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock);

    @Test
    void aLoginIsLockedAfterTheMaximumFailuresThenFreedByTime() {
        throttle.failed("mdupont");
        throttle.failed("mdupont");
        assertTrue(throttle.lockedFor("mdupont").isZero());
        throttle.failed("mdupont");
        assertEquals(Duration.ofSeconds(60), throttle.lockedFor("mdupont"));
        assertTrue(throttle.lockedFor("jlefevre").isZero(), "other logins are not affected");
        now = now.plusSeconds(61);
        assertTrue(throttle.lockedFor("mdupont").isZero());
        throttle.failed("mdupont");
        assertTrue(throttle.lockedFor("mdupont").isZero(), "the count starts again after a lock");
    }

    @Test
    void aSuccessResetsTheCount() {
        throttle.failed("mdupont");
        throttle.failed("mdupont");
        throttle.succeeded("mdupont");
        throttle.failed("mdupont");
        assertTrue(throttle.lockedFor("mdupont").isZero());
    }
}
