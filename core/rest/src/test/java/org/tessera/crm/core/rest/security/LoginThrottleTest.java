package org.tessera.crm.core.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final InMemoryLoginCounterStore store = new InMemoryLoginCounterStore();
    private final LoginThrottle throttle = new LoginThrottle(store, 3, Duration.ofSeconds(60), clock);

    private static final String HERE = "192.0.2.1";
    private static final String ELSEWHERE = "198.51.100.7";

    /** An attempt whose password turns out wrong: counted by tryAttempt, never taken back. */
    private Duration fail(String address, String login) {
        return throttle.tryAttempt(address, login);
    }

    @Test
    void aLoginIsLockedAfterTheMaximumFailuresThenFreedByTime() {
        fail(HERE, "mdupont");
        fail(HERE, "mdupont");
        assertTrue(fail(HERE, "mdupont").isZero(), "the third attempt is still checked");
        assertEquals(Duration.ofSeconds(60), throttle.tryAttempt(HERE, "mdupont"));
        assertTrue(throttle.tryAttempt(HERE, "jlefevre").isZero(), "other logins are not affected");
        now = now.plusSeconds(61);
        assertTrue(fail(HERE, "mdupont").isZero(), "the count starts again after a lock");
        assertTrue(throttle.tryAttempt(HERE, "mdupont").isZero());
    }

    @Test
    void nodesOnOneDatabaseShareTheCountsSoThatMoreNodesGiveNoMoreGuesses() {
        LoginThrottle other = new LoginThrottle(store, 3, Duration.ofSeconds(60), clock);
        fail(HERE, "mdupont");
        other.tryAttempt(HERE, "mdupont");
        fail(HERE, "mdupont");
        assertEquals(Duration.ofSeconds(60), other.tryAttempt(HERE, "mdupont"), "the fourth guess is refused, on either node");
        assertFalse(throttle.tryAttempt(HERE, "mdupont").isZero());
    }

    @Test
    void aSuccessResetsTheCount() {
        fail(HERE, "mdupont");
        fail(HERE, "mdupont");
        throttle.tryAttempt(HERE, "mdupont");
        throttle.succeeded(HERE, "mdupont");
        fail(HERE, "mdupont");
        fail(HERE, "mdupont");
        assertTrue(throttle.tryAttempt(HERE, "mdupont").isZero());
    }

    @Test
    void aSuccessTakesItsAttemptBackFromTheAddressCount() {
        LoginThrottle perAddress = new LoginThrottle(new InMemoryLoginCounterStore(), new LoginThrottle.Limits(100, 3, Duration.ofMinutes(1),
                Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofHours(1), 1000), clock);
        for (int i = 0; i < 10; i++) {
            assertTrue(perAddress.tryAttempt(HERE, "user" + i).isZero(), "login " + i);
            perAddress.succeeded(HERE, "user" + i);
        }
    }

    @Test
    void caseVariantsOfALoginShareOneCount() {
        fail(HERE, "Admin");
        fail(HERE, "ADMIN");
        fail(HERE, " admin");
        assertFalse(throttle.tryAttempt(HERE, "aDmIn").isZero());
    }

    @Test
    void aLockFromOneAddressDoesNotLockTheLoginOutFromAnother() {
        for (int i = 0; i < 3; i++) {
            fail(HERE, "admin");
        }
        assertFalse(throttle.tryAttempt(HERE, "admin").isZero());
        assertTrue(throttle.tryAttempt(ELSEWHERE, "admin").isZero(), "the administrator still logs in from elsewhere");
    }

    @Test
    void eachNewLockLastsTwiceAsLongUpToTheMaximum() {
        LoginThrottle backoff = new LoginThrottle(new InMemoryLoginCounterStore(), new LoginThrottle.Limits(1, 100, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(200),
                Duration.ofHours(1), 100), clock);
        List<Long> locks = new ArrayList<>();
        for (int lock = 0; lock < 4; lock++) {
            backoff.tryAttempt(HERE, "admin");
            Duration wait = backoff.tryAttempt(HERE, "admin");
            locks.add(wait.toSeconds());
            now = now.plus(wait);
        }
        assertEquals(List.of(60L, 120L, 200L, 200L), locks);
    }

    @Test
    void oneAddressTryingManyLoginsIsLockedWhateverTheLogin() {
        LoginThrottle perAddress = new LoginThrottle(new InMemoryLoginCounterStore(), new LoginThrottle.Limits(3, 10, Duration.ofMinutes(1), Duration.ofSeconds(60), Duration.ofMinutes(15),
                Duration.ofHours(1), 1000), clock);
        for (int i = 0; i < 10; i++) {
            assertTrue(perAddress.tryAttempt(HERE, "user" + i).isZero());
        }
        assertFalse(perAddress.tryAttempt(HERE, "yet-another").isZero());
        assertTrue(perAddress.tryAttempt(ELSEWHERE, "yet-another").isZero());
        now = now.plusSeconds(61);
        assertTrue(perAddress.tryAttempt(HERE, "yet-another").isZero(), "the lock and the window are over");
    }

    @Test
    void failuresSpreadBeyondTheAddressWindowNeverLockTheAddressAndZeroTurnsTheLimitOff() {
        LoginThrottle perAddress = new LoginThrottle(new InMemoryLoginCounterStore(), new LoginThrottle.Limits(3, 10, Duration.ofMinutes(1), Duration.ofSeconds(60), Duration.ofMinutes(15),
                Duration.ofHours(1), 1000), clock);
        for (int i = 0; i < 30; i++) {
            assertTrue(perAddress.tryAttempt(HERE, "user" + i).isZero(), "attempt " + i);
            now = now.plusSeconds(7);
        }
        LoginThrottle perLoginOnly = new LoginThrottle(new InMemoryLoginCounterStore(), new LoginThrottle.Limits(3, 0, Duration.ofMinutes(1), Duration.ofSeconds(60), Duration.ofMinutes(15),
                Duration.ofHours(1), 1000), clock);
        for (int i = 0; i < 100; i++) {
            assertTrue(perLoginOnly.tryAttempt(HERE, "user" + i).isZero(), "attempt " + i);
        }
    }

    @Test
    void parallelGuessesCannotPassTheCheckBeforeTheirFailuresAreCounted() throws Exception {
        int guesses = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger checked = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    if (throttle.tryAttempt(HERE, "admin").isZero()) {
                        checked.incrementAndGet(); // the password would be checked here, and be wrong
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, checked.get(), "only maxFailures guesses reach the password check");
    }

    @Test
    void randomLoginsCannotGrowTheCountersBeyondTheBoundAndIdleOnesAreForgotten() {
        LoginThrottle bounded = new LoginThrottle(new InMemoryLoginCounterStore(), new LoginThrottle.Limits(5, 1_000_000, Duration.ofMinutes(1), Duration.ofSeconds(60), Duration.ofMinutes(15),
                Duration.ofMinutes(30), 500), clock);
        for (int i = 0; i < 10_000; i++) {
            bounded.tryAttempt("10.0." + (i % 250) + "." + (i / 250), "random-" + i);
        }
        assertTrue(bounded.tracked() <= 500, "tracked " + bounded.tracked());
        now = now.plus(Duration.ofMinutes(31));
        bounded.tryAttempt(HERE, "someone");
        assertEquals(2, bounded.tracked(), "only the new pair and its address remain");
    }
}
