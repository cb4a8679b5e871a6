package org.tessera.crm.service.impl.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.FieldError;

/**
 * The time the SLA engine and the requests are measured with: the system clock, plus an offset
 * that an administrator may set only when {@code testClockEnabled} is on (off by default). It exists
 * so that an integration test moves time forward without sleeping; the offset lives in this node's
 * memory only, is lost on restart, and is never meant for production.
 */
@Component(service = EngineClock.class, configurationPid = ServiceConfig.PID)
@Designate(ocd = ServiceConfig.class)
public class EngineClock {
    private final Clock system;
    private volatile boolean testClockEnabled;
    private volatile Duration offset = Duration.ZERO;

    @Activate
    public EngineClock(ServiceConfig config) {
        this(Clock.systemUTC(), config.testClockEnabled());
    }

    public EngineClock(Clock system, boolean testClockEnabled) {
        this.system = system;
        this.testClockEnabled = testClockEnabled;
    }

    @Modified
    void modified(ServiceConfig config) {
        testClockEnabled = config.testClockEnabled();
        if (!testClockEnabled) {
            offset = Duration.ZERO;
        }
    }

    /** Millisecond precision: what every supported database stores. */
    public Instant now() {
        return system.instant().plus(offset).truncatedTo(ChronoUnit.MILLIS);
    }

    public Duration offset() {
        return offset;
    }

    public boolean testClockEnabled() {
        return testClockEnabled;
    }

    /** @throws ValidationException on {@code offsetMinutes} when the test clock is off or the offset is negative */
    public void setOffset(Duration newOffset) {
        if (!testClockEnabled) {
            throw new ValidationException(java.util.List.of(new FieldError("offsetMinutes", "disabled",
                    "the test clock is off (testClockEnabled in org.tessera.crm.service)")));
        }
        if (newOffset.isNegative()) {
            throw new ValidationException(java.util.List.of(new FieldError("offsetMinutes", "invalid", "must not be negative")));
        }
        offset = newOffset;
    }
}
