package org.tessera.crm.core.rest.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing down to a few tries per lock period, in memory (a restart forgets).
 *
 * <p>Two counters see each attempt: one per client address and login (case-insensitive, so that
 * {@code Admin} and {@code admin} are one login, as LDAP sees them) and one per client address,
 * whatever the login. After {@code maxFailures} failures of the pair in a row, or
 * {@code maxFailuresPerAddress} of the address within {@code addressWindowSeconds}, that counter is locked for {@code lockSeconds}, doubling at each new lock up to
 * {@code maxLockSeconds}; a success clears its pair. Why per address and login rather than per
 * login: a per-login lock lets anyone lock {@code admin} out from anywhere, for as long as they
 * keep failing; here they lock only themselves out, and the administrator keeps logging in from
 * another address. A guesser spread over many addresses still gets only a few tries per address
 * and per lock period. Behind a reverse proxy every client has the proxy's address: raise
 * {@code maxFailuresPerAddress} there, or set it to 0 to count per login only.
 *
 * <p>Counting is atomic: {@link #tryAttempt} counts the attempt as a failure before the password is
 * checked, so parallel guesses cannot all pass the check; {@link #succeeded} takes it back.
 * Bounded: counters are forgotten once idle for {@code forgetSeconds}, and at most
 * {@code maxTrackedEntries} are kept (the least recently used go first).
 */
@Component(service = LoginThrottle.class, configurationPid = AuthConfig.PID)
@Designate(ocd = AuthConfig.class)
public class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    /** The limits; see {@link AuthConfig}. */
    record Limits(int maxFailures, int maxFailuresPerAddress, Duration addressWindow, Duration lock, Duration maxLock, Duration forget,
            int maxEntries) {
    }

    private static final class Counter {
        int failures;
        /** Locks so far, for the backoff: the next lock lasts lock * 2^locks. */
        int locks;
        Instant lockedUntil = Instant.MIN;
        Instant lastSeen;
        /** Start of the address counter's window. */
        Instant windowStart;
    }

    private final Limits limits;
    private final Clock clock;
    /** Keys "address\nlogin" and "address"; access order, for eviction. Guarded by {@code this}. */
    private final LinkedHashMap<String, Counter> counters = new LinkedHashMap<>(256, 0.75f, true);

    @Activate
    public LoginThrottle(AuthConfig config) {
        this(new Limits(config.maxFailures(), config.maxFailuresPerAddress(), Duration.ofSeconds(config.addressWindowSeconds()),
                Duration.ofSeconds(config.lockSeconds()),
                Duration.ofSeconds(config.maxLockSeconds()), Duration.ofSeconds(config.forgetSeconds()), config.maxTrackedEntries()),
                Clock.systemUTC());
    }

    LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Defaults of {@link AuthConfig} but {@code maxFailures} and {@code lock}: for tests. */
    LoginThrottle(int maxFailures, Duration lock, Clock clock) {
        this(new Limits(maxFailures, 30, Duration.ofMinutes(1), lock, Duration.ofMinutes(15), Duration.ofMinutes(30), 10_000), clock);
    }

    /** The form of a login that the throttle counts under: trimmed, lower case. */
    static String normalize(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Asks to check a password of {@code login} from {@code address} ({@code null} when unknown:
     * then only the login counts). Allowed, the attempt is counted as a failure until
     * {@link #succeeded} takes it back.
     *
     * @return {@link Duration#ZERO} when the attempt may go on, else how long to wait
     */
    public synchronized Duration tryAttempt(String address, String login) {
        Instant now = clock.instant();
        forgetIdle(now);
        Counter pair = counter(pairKey(address, login), now);
        Counter byAddress = address == null || limits.maxFailuresPerAddress() <= 0 ? null : addressCounter(address, now);
        Duration wait = max(lockIfOver(pair, limits.maxFailures(), now, "login " + normalize(login) + " from " + address),
                byAddress == null ? Duration.ZERO : lockIfOver(byAddress, limits.maxFailuresPerAddress(), now, "address " + address));
        if (!wait.isZero()) {
            return wait;
        }
        pair.failures++;
        if (byAddress != null) {
            byAddress.failures++;
        }
        return Duration.ZERO;
    }

    /** The password was right: clears the pair's count and takes the attempt back from the address's. */
    public synchronized void succeeded(String address, String login) {
        counters.remove(pairKey(address, login));
        Counter byAddress = address == null ? null : counters.get(address);
        if (byAddress != null && byAddress.failures > 0) {
            byAddress.failures--;
        }
    }

    /** How many counters are kept now. */
    synchronized int tracked() {
        return counters.size();
    }

    /** The address's counter, its count started again once its window is over. */
    private Counter addressCounter(String address, Instant now) {
        Counter counter = counter(address, now);
        if (counter.windowStart == null || !now.isBefore(counter.windowStart.plus(limits.addressWindow()))) {
            counter.windowStart = now;
            counter.failures = 0;
        }
        return counter;
    }

    private Duration lockIfOver(Counter counter, int max, Instant now, String what) {
        if (now.isBefore(counter.lockedUntil)) {
            return Duration.between(now, counter.lockedUntil);
        }
        if (counter.failures < max) {
            return Duration.ZERO;
        }
        Duration lock = backoff(counter.locks);
        counter.locks++;
        counter.failures = 0;
        counter.lockedUntil = now.plus(lock);
        LOG.warn("Failed logins: {} locked for {} s", what, lock.toSeconds());
        return lock;
    }

    private Duration backoff(int locks) {
        Duration lock = limits.lock();
        for (int i = 0; i < locks && lock.compareTo(limits.maxLock()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(limits.maxLock()) > 0 ? limits.maxLock() : lock;
    }

    private Counter counter(String key, Instant now) {
        Counter counter = counters.get(key);
        if (counter == null) {
            if (counters.size() >= limits.maxEntries()) {
                Iterator<String> eldest = counters.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            counter = new Counter();
            counters.put(key, counter);
        }
        counter.lastSeen = now;
        return counter;
    }

    /** Drops the counters idle for {@code forget} and not locked: the eldest come first in access order. */
    private void forgetIdle(Instant now) {
        Instant horizon = now.minus(limits.forget());
        Iterator<Map.Entry<String, Counter>> entries = counters.entrySet().iterator();
        while (entries.hasNext()) {
            Counter counter = entries.next().getValue();
            if (counter.lastSeen.isAfter(horizon)) {
                return;
            }
            if (!now.isBefore(counter.lockedUntil)) {
                entries.remove();
            }
        }
    }

    private static String pairKey(String address, String login) {
        return (address == null ? "" : address) + "\n" + normalize(login);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
