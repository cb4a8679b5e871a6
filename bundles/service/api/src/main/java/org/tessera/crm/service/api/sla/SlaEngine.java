package org.tessera.crm.service.api.sla;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The SLA engine. A module starts the milestones of a record once, tells the engine when the
 * record's status changes, and stops them when it closes; warnings and violations are fired by the
 * engine's scheduler from the database, once each, whatever the number of nodes. An activity linked
 * to the record ({@link SlaSubject#link}) completes the milestones waiting for its type.
 */
@ProviderType
public interface SlaEngine {
    /** Selects the policy whose criteria match the subject's facts and starts its milestones; none when no policy matches. */
    List<MilestoneStatusDTO> start(SlaSubject subject);

    /**
     * The record's status changed: milestones completed by {@code status} (a code) or {@code category}
     * complete (success actions fire, late or not), and all pause when {@code pauses} or resume when not.
     */
    void statusChanged(String entityType, String id, String status, String category, boolean pauses);

    /** An activity of {@code activityType} was logged on the record: milestones waiting for it complete. */
    void activityLogged(String entityType, String id, String activityType);

    /** Cancels every milestone of the record (it was closed or deleted). */
    void cancel(String entityType, String id);

    List<MilestoneStatusDTO> milestones(String entityType, String id);

    /** The engine's clock: the time the scheduler and the milestones are measured with. */
    Instant now();
}
