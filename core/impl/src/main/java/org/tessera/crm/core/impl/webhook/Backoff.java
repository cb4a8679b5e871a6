package org.tessera.crm.core.impl.webhook;

import java.util.function.LongUnaryOperator;

/**
 * The wait before retry n (n ≥ 1): {@code base × 2^(n-1)}, capped at {@code max}, then a random
 * point in its upper half ("equal jitter"), so that retries of many deliveries that failed together
 * spread out while each still waits at least half its step.
 */
final class Backoff {
    private final long baseMillis;
    private final long maxMillis;

    Backoff(long baseMillis, long maxMillis) {
        if (baseMillis < 1 || maxMillis < baseMillis) {
            throw new IllegalArgumentException("the backoff needs 1 ≤ base ≤ max, not " + baseMillis + " and " + maxMillis);
        }
        this.baseMillis = baseMillis;
        this.maxMillis = maxMillis;
    }

    /** The step before retry {@code retry}, without jitter. */
    long step(int retry) {
        int doublings = Math.max(0, Math.min(retry - 1, 62));
        long step = baseMillis;
        for (int i = 0; i < doublings && step < maxMillis; i++) {
            step *= 2;
        }
        return Math.min(step, maxMillis);
    }

    /**
     * The wait before retry {@code retry}.
     *
     * @param random given a bound b > 0, a value in [0, b)
     */
    long delay(int retry, LongUnaryOperator random) {
        long step = step(retry);
        long half = step / 2;
        return step - half + random.applyAsLong(half + 1);
    }
}
