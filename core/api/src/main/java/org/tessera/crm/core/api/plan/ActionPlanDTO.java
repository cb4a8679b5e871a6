package org.tessera.crm.core.api.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.activity.ActivityStatus;

/**
 * A plan launched on a record ({@code recordLink}, {@code module:entity:id}): the activities it
 * created, and where each stands. {@code status} is COMPLETED once every step is done or cancelled,
 * CANCELLED when the plan (or its record) was cancelled, RUNNING otherwise.
 */
public class ActionPlanDTO {
    public String id;
    public String templateCode;
    public String recordLink;
    public String partyId;
    public String ownerId;
    public Status status;
    public Instant launchedAt;
    public List<StepStatus> steps = new ArrayList<>();
    public long version;

    public enum Status {
        RUNNING, COMPLETED, CANCELLED
    }

    /** One created activity. */
    public static class StepStatus {
        public int position;
        public String activityId;
        public String activityType;
        public String subject;
        public Instant dueAt;
        public String assigneeId;
        public ActivityStatus status;
    }
}
