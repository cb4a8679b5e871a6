package org.tessera.crm.core.api.security;

import java.time.Instant;

/**
 * One failed-login counter of {@link LoginCounterStore}: what the throttle knows of a client address,
 * or of an address and a login. Changed in place by the throttle while the store holds it locked.
 */
public class LoginCounterDTO {
    /** The throttle's name for the counter, as given to the store. */
    public String key;
    /** Failures counted since the last lock, success or window start. */
    public int failures;
    /** Locks so far, for the backoff. */
    public int locks;
    /** Locked until then; {@code null} when never locked. */
    public Instant lockedUntil;
    /** Start of an address counter's window; {@code null} for a new counter. */
    public Instant windowStart;
    /** The last time an attempt touched the counter; idle counters are forgotten after a while. */
    public Instant lastSeen;
}
