package org.tessera.crm.core.impl.audit;

import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.impl.entity.AuditChange;
import org.tessera.crm.core.impl.entity.AuditRecordEntity;
import org.tessera.crm.core.impl.support.Times;

/**
 * Writes audit records with the entity manager of the mutation, so that a mutation and its audit
 * record commit or roll back together.
 */
@Component(service = AuditTrail.class)
public class AuditTrail {
    /** Bookkeeping fields that every DTO has and that no audit reader needs. */
    public static final Set<String> SERVER_OWNED = Set.of("id", "version", "createdAt", "updatedAt");

    private final CallerContext callers;

    @Activate
    public AuditTrail(@Reference(name = "callers") CallerContext callers) {
        this.callers = callers;
    }

    /**
     * Records a mutation of {@code entityId}; {@code before} is {@code null} for a create, {@code after}
     * for a delete. An update that changed nothing audited writes nothing.
     */
    public void record(EntityManager em, String entityType, String entityId, AuditAction action, Object before,
            Object after, Set<String> sensitive) {
        List<FieldChangeDTO> changes = FieldDiffs.between(before, after, SERVER_OWNED, sensitive);
        if (isNoop(action, changes)) {
            return;
        }
        AuditRecordEntity record = new AuditRecordEntity();
        record.occurredAt = Times.now();
        record.userLogin = callers.currentLogin();
        record.entityType = entityType;
        record.entityId = entityId;
        record.action = action.name();
        for (FieldChangeDTO change : changes) {
            AuditChange row = new AuditChange();
            row.field = change.field;
            row.oldValue = change.oldValue;
            row.newValue = change.newValue;
            record.changes.add(row);
        }
        em.persist(record);
    }

    /** A batch of records for a bulk write, signed by the current caller (see {@link AuditBatch}). */
    public AuditBatch batch() {
        return new AuditBatch(callers.currentLogin());
    }

    /** An update that changed no audited field leaves no record. */
    static boolean isNoop(AuditAction action, List<FieldChangeDTO> changes) {
        return action == AuditAction.UPDATE && changes.isEmpty();
    }
}
