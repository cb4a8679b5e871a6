package org.tessera.crm.core.rest.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.security.LoginCounterDTO;
import org.tessera.crm.core.api.security.LoginCounterStore;

/**
 * Slows password guessing down to a few tries per lock period, with counters in the core's database
 * ({@link LoginCounterStore}) shared by every node: behind a load balancer, N nodes do not give a
 * guesser N times the tries, and a restart forgets nothing.
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
 * <p>Counting is atomic across nodes: {@link #tryAttempt} counts the attempt as a failure before the
 * password is checked, while the store holds both counters locked, so parallel guesses cannot all
 * pass the check; {@link #succeeded} takes it back. Bounded: counters are forgotten once idle for
 * {@code forgetSeconds}, and about {@code maxTrackedEntries} are kept (the least recently used go
 * first): each node trims the table once a minute, and as soon as it has added a tenth of the bound.
 */
@Component(service = LoginThrottle.class, configurationPid = AuthConfig.PID)
@Designate(ocd = AuthConfig.class)
public class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Duration TRIM_EVERY = Duration.ofMinutes(1);

    /** The limits; see {@link AuthConfig}. */
    record Limits(int maxFailures, int maxFailuresPerAddress, Duration addressWindow, Duration lock, Duration maxLock, Duration forget,
            int maxEntries) {
    }

    private final LoginCounterStore store;
    private final Limits limits;
    private final Clock clock;
    /** This node's trimming schedule: when it last trimmed, and how many counters it may have added since. Guarded by {@code this}. */
    private Instant trimmedAt = Instant.MIN;
    private int addedSinceTrim;

    @Activate
    public LoginThrottle(@Reference(name = "store") LoginCounterStore store, AuthConfig config) {
        this(store, new Limits(config.maxFailures(), config.maxFailuresPerAddress(), Duration.ofSeconds(config.addressWindowSeconds()),
                Duration.ofSeconds(config.lockSeconds()),
                Duration.ofSeconds(config.maxLockSeconds()), Duration.ofSeconds(config.forgetSeconds()), config.maxTrackedEntries()),
                Clock.systemUTC());
    }

    LoginThrottle(LoginCounterStore store, Limits limits, Clock clock) {
        if (limits.maxEntries() < 1) {
            throw new IllegalArgumentException("maxTrackedEntries must be at least 1, not " + limits.maxEntries());
        }
        this.store = store;
        this.limits = limits;
        this.clock = clock;
    }

    /** Defaults of {@link AuthConfig} but {@code maxFailures} and {@code lock}: for tests. */
    LoginThrottle(LoginCounterStore store, int maxFailures, Duration lock, Clock clock) {
        this(store, new Limits(maxFailures, 30, Duration.ofMinutes(1), lock, Duration.ofMinutes(15), Duration.ofMinutes(30), 10_000), clock);
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
    public Duration tryAttempt(String address, String login) {
        Instant now = clock.instant();
        trimIfDue(now);
        boolean byAddress = address != null && limits.maxFailuresPerAddress() > 0;
        List<String> keys = byAddress ? List.of(pairKey(address, login), addressKey(address)) : List.of(pairKey(address, login));
        return store.update(keys, now, counters -> {
            LoginCounterDTO pair = counters.get(0);
            LoginCounterDTO addressCounter = byAddress ? startWindowIfOver(counters.get(1), now) : null;
            Duration wait = max(lockIfOver(pair, limits.maxFailures(), now, "login " + normalize(login) + " from " + address),
                    addressCounter == null ? Duration.ZERO : lockIfOver(addressCounter, limits.maxFailuresPerAddress(), now, "address " + address));
            if (!wait.isZero()) {
                return wait;
            }
            pair.failures++;
            if (addressCounter != null) {
                addressCounter.failures++;
            }
            return Duration.ZERO;
        });
    }

    /** The password was right: clears the pair's count and takes the attempt back from the address's. */
    public void succeeded(String address, String login) {
        store.succeeded(pairKey(address, login), address != null && limits.maxFailuresPerAddress() > 0 ? addressKey(address) : null);
    }

    /** How many counters are kept now. */
    int tracked() {
        return store.count();
    }

    /** The address's counter, its count started again once its window is over. */
    private LoginCounterDTO startWindowIfOver(LoginCounterDTO counter, Instant now) {
        if (counter.windowStart == null || !now.isBefore(counter.windowStart.plus(limits.addressWindow()))) {
            counter.windowStart = now;
            counter.failures = 0;
        }
        return counter;
    }

    private Duration lockIfOver(LoginCounterDTO counter, int max, Instant now, String what) {
        if (counter.lockedUntil != null && now.isBefore(counter.lockedUntil)) {
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

    /**
     * Forgets idle counters once a {@link #TRIM_EVERY}, or sooner when this node may have added a tenth
     * of the bound since: trimming to nine tenths of the bound keeps a single node within it.
     */
    private void trimIfDue(Instant now) {
        int slack = Math.max(1, limits.maxEntries() / 10);
        synchronized (this) {
            addedSinceTrim += 2;
            if (now.isBefore(trimmedAt.plus(TRIM_EVERY)) && addedSinceTrim < slack) {
                return;
            }
            trimmedAt = now;
            addedSinceTrim = 0;
        }
        try {
            int forgotten = store.forgetIdle(now.minus(limits.forget()), now, Math.max(0, limits.maxEntries() - slack));
            if (forgotten > 0) {
                LOG.debug("Forgot {} idle failed-login counters", forgotten);
            }
        } catch (RuntimeException trimFailed) {
            // housekeeping: the login goes on, and the next trim (this node's or another's) catches up
            LOG.warn("Could not forget idle failed-login counters: {}", trimFailed.toString());
        }
    }

    private static String pairKey(String address, String login) {
        return "pair\n" + (address == null ? "" : address) + "\n" + normalize(login);
    }

    private static String addressKey(String address) {
        return "address\n" + address;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
