package org.tessera.crm.core.kit.jpa;

import java.sql.Connection;
import java.util.Set;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecorder;

/**
 * A module's mutations in the core audit trail, written on the connection of the mutation's own
 * transaction so the record commits or rolls back with it. Call it inside {@link Tx#required}
 * with the DTOs read before and after the change.
 */
public final class ModuleAudit {
    private final AuditRecorder recorder;
    private final Set<String> sensitive;

    /** @param sensitive fields of the module's DTOs whose values are masked in the trail */
    public ModuleAudit(AuditRecorder recorder, Set<String> sensitive) {
        this.recorder = recorder;
        this.sensitive = Set.copyOf(sensitive);
    }

    public ModuleAudit(AuditRecorder recorder) {
        this(recorder, Set.of());
    }

    public void created(EntityManager em, String entityType, String id, Object after) {
        record(em, entityType, id, AuditAction.CREATE, null, after);
    }

    public void updated(EntityManager em, String entityType, String id, Object before, Object after) {
        record(em, entityType, id, AuditAction.UPDATE, before, after);
    }

    public void deleted(EntityManager em, String entityType, String id, Object before) {
        record(em, entityType, id, AuditAction.DELETE, before, null);
    }

    private void record(EntityManager em, String entityType, String id, AuditAction action, Object before, Object after) {
        recorder.record(em.unwrap(Connection.class), entityType, id, action, before, after, sensitive);
    }
}
