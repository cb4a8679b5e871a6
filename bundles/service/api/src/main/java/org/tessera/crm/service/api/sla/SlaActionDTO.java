package org.tessera.crm.service.api.sla;

/**
 * What happens when a milestone is warned, violated or met: an event ({@code EVENT}, always posted
 * anyway), a planned activity for someone ({@code ACTIVITY}), an escalation ({@code ESCALATE}: a
 * queue or priority change) or a field update ({@code FIELD_UPDATE}). The last two are carried out
 * by the record's module ({@link SlaSubjectHandler}).
 */
public class SlaActionDTO {
    public Type type;
    /** ACTIVITY: the activity's type (e.g. TASK), subject, and who does it: {@code OWNER} or an agent id. */
    public String activityType;
    public String subject;
    public String assignee;
    /** ESCALATE: the queue to move the record to, and/or its new priority. */
    public String queueCode;
    public String priority;
    /** FIELD_UPDATE: the field and its new value. */
    public String field;
    public String value;

    public enum Type {
        EVENT, ACTIVITY, ESCALATE, FIELD_UPDATE
    }
}
