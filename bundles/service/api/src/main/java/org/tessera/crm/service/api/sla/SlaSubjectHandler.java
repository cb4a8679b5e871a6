package org.tessera.crm.service.api.sla;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by the module that owns records of an entity type (service property
 * {@link #ENTITY_TYPE}): carries out the actions that change its records, and tells the engine who
 * owns one. Without a handler, those actions are skipped (the events still go out).
 */
@ConsumerType
public interface SlaSubjectHandler {
    String ENTITY_TYPE = "tessera.sla.entityType";

    /** Moves the record to a queue and/or changes its priority; either may be null. */
    void escalate(String id, String queueCode, String priority);

    void updateField(String id, String field, String value);

    /** The agent id of the record's owner, or null. */
    String ownerOf(String id);
}
