package org.tessera.crm.sales.impl.service;

import java.sql.Connection;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecorder;

/**
 * Audits sales mutations through the core's {@link AuditRecorder}, on the connection of the
 * mutation's own transaction: call it inside {@code SalesTx.required}, with the DTOs read before
 * and after the change, so the record commits or rolls back with it.
 */
@Component(service = SalesAudit.class)
public class SalesAudit {
    /** Sales DTOs hold no field to mask; custom fields marked sensitive are masked by the recorder. */
    private static final Set<String> SENSITIVE = Set.of();

    private final AuditRecorder recorder;

    @Activate
    public SalesAudit(@Reference AuditRecorder recorder) {
        this.recorder = recorder;
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
        recorder.record(em.unwrap(Connection.class), entityType, id, action, before, after, SENSITIVE);
    }
}
