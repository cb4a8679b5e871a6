package org.tessera.crm.service.impl.sla;

import java.time.Duration;
import java.time.Instant;

import org.tessera.crm.service.api.sla.BusinessCalendar;
import org.tessera.crm.service.api.sla.MilestoneDefinitionDTO;
import org.tessera.crm.service.api.sla.MilestoneStatusDTO;
import org.tessera.crm.service.impl.entity.ClockEntity;

/**
 * The arithmetic of one milestone clock: its deadlines from the start, the target and the stopped
 * time, and where it stands at an instant. Pure: the calendar and the instant are given.
 */
public final class MilestoneMath {
    public static final String NONE = "NONE";
    public static final String WARNED = "WARNED";
    public static final String VIOLATED = "VIOLATED";

    private MilestoneMath() {
    }

    /** Sets target, warning and next deadline from the start, the stopped time and the phase already fired. */
    public static void schedule(ClockEntity clock, MilestoneDefinitionDTO definition, BusinessCalendar calendar) {
        Duration stopped = Duration.ofMillis(clock.stoppedMs);
        clock.targetAt = calendar.add(clock.startedAt, Duration.ofMinutes(definition.targetMinutes).plus(stopped));
        long warnAfter = definition.targetMinutes - definition.warnBeforeMinutes;
        clock.warnAt = definition.warnBeforeMinutes > 0 && warnAfter >= 0
                ? calendar.add(clock.startedAt, Duration.ofMinutes(warnAfter).plus(stopped)) : null;
        clock.nextDeadline = nextDeadline(clock);
    }

    /** The next instant the scheduler acts on: the warning if not fired yet, then the target; none once violated or not running. */
    public static Instant nextDeadline(ClockEntity clock) {
        if (!MilestoneStatusDTO.State.RUNNING.name().equals(clock.state) || VIOLATED.equals(clock.phase)) {
            return null;
        }
        if (NONE.equals(clock.phase) && clock.warnAt != null) {
            return clock.warnAt;
        }
        return clock.targetAt;
    }

    /** Stops the clock at {@code now}. */
    public static void pause(ClockEntity clock, Instant now) {
        clock.state = MilestoneStatusDTO.State.PAUSED.name();
        clock.pausedSince = now;
        clock.nextDeadline = null;
    }

    /** Restarts a paused clock: the business time it was stopped is added to the stopped time, pushing the deadlines back. */
    public static void resume(ClockEntity clock, MilestoneDefinitionDTO definition, BusinessCalendar calendar, Instant now) {
        clock.stoppedMs += calendar.between(clock.pausedSince, now).toMillis();
        clock.pausedSince = null;
        clock.state = MilestoneStatusDTO.State.RUNNING.name();
        schedule(clock, definition, calendar);
    }

    /** Completes the clock at {@code now}; late when the actual elapsed time passed the target. */
    public static void complete(ClockEntity clock, BusinessCalendar calendar, long targetMinutes, Instant now) {
        if (clock.pausedSince != null) {
            clock.stoppedMs += calendar.between(clock.pausedSince, now).toMillis();
            clock.pausedSince = null;
        }
        clock.state = MilestoneStatusDTO.State.COMPLETED.name();
        clock.completedAt = now;
        clock.nextDeadline = null;
        Duration actual = calendar.between(clock.startedAt, now).minusMillis(clock.stoppedMs);
        if (actual.compareTo(Duration.ofMinutes(targetMinutes)) > 0) {
            clock.violated = true;
        }
    }

    /** Where the clock stands at {@code now} (or at its completion). */
    public static MilestoneStatusDTO status(ClockEntity clock, long targetMinutes, BusinessCalendar calendar, Instant now) {
        Instant end = clock.completedAt != null ? clock.completedAt : now;
        Duration elapsed = calendar.between(clock.startedAt, end);
        Duration stopped = Duration.ofMillis(clock.stoppedMs);
        if (clock.pausedSince != null) {
            stopped = stopped.plus(calendar.between(clock.pausedSince, end));
        }
        Duration actual = elapsed.minus(stopped);
        MilestoneStatusDTO status = new MilestoneStatusDTO();
        status.milestone = clock.milestone;
        status.state = MilestoneStatusDTO.State.valueOf(clock.state);
        status.cycle = clock.cycle;
        status.startedAt = clock.startedAt;
        status.targetAt = clock.targetAt;
        status.targetMinutes = targetMinutes;
        status.elapsedMinutes = elapsed.toMinutes();
        status.stoppedMinutes = stopped.toMinutes();
        status.actualElapsedMinutes = actual.toMinutes();
        status.remainingMinutes = targetMinutes - actual.toMinutes();
        status.warned = clock.warned;
        status.violated = clock.violated || (status.state != MilestoneStatusDTO.State.CANCELLED && actual.toMinutes() > targetMinutes);
        status.completedAt = clock.completedAt;
        return status;
    }
}
