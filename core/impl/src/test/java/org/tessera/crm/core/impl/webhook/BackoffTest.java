package org.tessera.crm.core.impl.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(1_000, 60_000);

    @Test
    void eachRetryDoublesTheStepUpToTheMaximum() {
        assertEquals(1_000, backoff.step(1));
        assertEquals(2_000, backoff.step(2));
        assertEquals(32_000, backoff.step(6));
        assertEquals(60_000, backoff.step(7));
        assertEquals(60_000, backoff.step(1_000), "no overflow far out");
    }

    @Test
    void theJitterStaysInTheUpperHalfOfTheStep() {
        assertEquals(4_000, backoff.delay(3, bound -> bound - 1), "the random's largest value gives the whole step");
        assertEquals(2_000, backoff.delay(3, bound -> 0), "its smallest gives half the step");
        Random random = new Random(42);
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int i = 0; i < 10_000; i++) {
            long delay = backoff.delay(5, bound -> (long) (random.nextDouble() * bound));
            assertTrue(delay >= 8_000 && delay <= 16_000, "delay " + delay);
            smallest = Math.min(smallest, delay);
            largest = Math.max(largest, delay);
        }
        assertTrue(largest - smallest > 7_000, "the delays spread over the half step: " + smallest + ".." + largest);
        long capped = backoff.delay(30, bound -> bound - 1);
        assertEquals(60_000, capped);
    }

    @Test
    void refusesANonsensicalConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 10));
    }
}
