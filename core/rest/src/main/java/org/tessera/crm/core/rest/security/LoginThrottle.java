package org.tessera.crm.core.rest.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks a login for a while after too many failed passwords in a row, so that a password cannot be
 * guessed at HTTP speed. Counted per login (whatever the client address), in memory: a restart
 * forgets the counts.
 */
@Component(service = LoginThrottle.class, configurationPid = AuthConfig.PID)
@Designate(ocd = AuthConfig.class)
public class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lock;
    private final Clock clock;

    @Activate
    public LoginThrottle(AuthConfig config) {
        this(config.maxFailures(), Duration.ofSeconds(config.lockSeconds()), Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration lock, Clock clock) {
        this.maxFailures = maxFailures;
        this.lock = lock;
        this.clock = clock;
    }

    /** How long the login stays locked, or {@link Duration#ZERO} when it may try. */
    public Duration lockedFor(String login) {
        Failures current = failures.get(login);
        if (current == null || current.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), current.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String login) {
        Failures updated = failures.compute(login, (key, previous) -> {
            int count = (previous == null || expired(previous) ? 0 : previous.count()) + 1;
            return new Failures(count, count >= maxFailures ? clock.instant().plus(lock) : null);
        });
        if (updated.lockedUntil() != null && updated.count() == maxFailures) {
            LOG.warn("Login {} locked for {} s after {} failed attempts", login, lock.toSeconds(), maxFailures);
        }
    }

    public void succeeded(String login) {
        failures.remove(login);
    }

    private boolean expired(Failures previous) {
        return previous.lockedUntil() != null && !clock.instant().isBefore(previous.lockedUntil());
    }
}
