package org.tessera.crm.core.api.security;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The failed-login counters of the login throttle, kept in the core's database so that every node
 * counts the same failures: N nodes behind a load balancer do not give a guesser N times the tries.
 * Counters are stored under a digest of their key, so that no login (perhaps a password typed in the
 * wrong field) is written in clear.
 */
@ProviderType
public interface LoginCounterStore {
    /**
     * Runs {@code change} on the counters of {@code keys}, created with no failures when missing,
     * locked against every other caller of any node until the change is stored: a count and a check
     * made in {@code change} are therefore atomic. The counters' {@code lastSeen} is {@code now}
     * before {@code change} sees them; what {@code change} leaves in them is stored.
     *
     * <p>Runs in a transaction of its own: never call it inside another one. Should the database
     * roll it back to break a deadlock, it runs again, {@code change} too, on counters read again.
     *
     * @param keys distinct keys, at most a few
     * @param change the work on the counters, in the order of {@code keys}; it must not call the store
     * @return what {@code change} returns
     */
    <R> R update(List<String> keys, Instant now, Function<List<LoginCounterDTO>, R> change);

    /**
     * A password was right: clears the counter of {@code clear} (failures, locks), if any, and takes one failure back
     * from the counter of {@code decrement} (none when it has none), in one transaction and without
     * reading either, so that a successful login costs one short write.
     *
     * @param decrement the key of the counter to take a failure back from, or {@code null}
     */
    void succeeded(String clear, String decrement);

    /**
     * Forgets the counters last seen before {@code idleBefore} and not locked at {@code now}; then,
     * if more than {@code maxEntries} remain, the least recently seen ones beyond that number.
     *
     * @return how many counters were forgotten
     */
    int forgetIdle(Instant idleBefore, Instant now, int maxEntries);

    /** How many counters are kept. */
    int count();
}
