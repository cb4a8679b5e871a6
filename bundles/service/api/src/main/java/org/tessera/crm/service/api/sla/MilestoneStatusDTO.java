package org.tessera.crm.service.api.sla;

import java.time.Instant;

/**
 * Where a milestone of a record stands: target, elapsed and stopped business time, what remains,
 * and whether it was warned or violated. Minutes are business minutes of the policy's calendar,
 * measured at the time of the read.
 */
public class MilestoneStatusDTO {
    public String milestone;
    public String policy;
    public int policyVersion;
    public State state;
    public int cycle;
    public Instant startedAt;
    public Instant targetAt;
    public long targetMinutes;
    public long elapsedMinutes;
    public long stoppedMinutes;
    /** Elapsed minus stopped. */
    public long actualElapsedMinutes;
    /** Target minus actual elapsed; negative once violated. */
    public long remainingMinutes;
    public boolean warned;
    public boolean violated;
    public Instant completedAt;

    public enum State {
        RUNNING, PAUSED, COMPLETED, CANCELLED
    }
}
