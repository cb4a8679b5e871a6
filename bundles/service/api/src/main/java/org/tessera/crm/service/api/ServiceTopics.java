package org.tessera.crm.service.api;

/** Event Admin topics of the service module, with the core's event properties (id, entityType, version, changedFields). */
public final class ServiceTopics {
    public static final String REQUEST_CREATED = "org/tessera/crm/service/request/CREATED";
    public static final String REQUEST_UPDATED = "org/tessera/crm/service/request/UPDATED";
    public static final String REQUEST_DELETED = "org/tessera/crm/service/request/DELETED";
    public static final String REQUEST_STATUS_CHANGED = "org/tessera/crm/service/request/STATUS_CHANGED";
    public static final String DOCUMENT_CREATED = "org/tessera/crm/service/document/CREATED";
    /** SLA milestones of any record: warned, violated, succeeded (the record in {@code subjectType}, {@code subjectId}). */
    public static final String MILESTONE_WARNED = "org/tessera/crm/service/sla/WARNED";
    public static final String MILESTONE_VIOLATED = "org/tessera/crm/service/sla/VIOLATED";
    public static final String MILESTONE_SUCCEEDED = "org/tessera/crm/service/sla/SUCCEEDED";

    private ServiceTopics() {
    }
}
