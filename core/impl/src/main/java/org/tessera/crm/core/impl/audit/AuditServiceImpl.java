package org.tessera.crm.core.impl.audit;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditQuery;
import org.tessera.crm.core.api.audit.AuditRecordDTO;
import org.tessera.crm.core.api.audit.AuditService;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.impl.entity.AuditChange;
import org.tessera.crm.core.impl.entity.AuditRecordEntity;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.jpa.Tx;

/** Reads the audit trail, newest first. There is deliberately no write method here. */
@Component
public class AuditServiceImpl implements AuditService {
    private final Tx tx;

    @Activate
    public AuditServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx) {
        this.tx = tx;
    }

    @Override
    public Page<AuditRecordDTO> search(AuditQuery query) {
        KeysetCursor.checkLimit(query.limit);
        Long before = query.cursor == null ? null : KeysetCursor.idPart(KeysetCursor.decode(query.cursor, 1).get(0));
        // a seed condition without literals: "1 = 1" makes EclipseLink send the query unbound (see ScopeFilter)
        StringBuilder jpql = new StringBuilder("SELECT a FROM AuditRecordEntity a WHERE a.id IS NOT NULL");
        if (query.entityType != null) {
            jpql.append(" AND a.entityType = :entityType");
        }
        if (query.entityId != null) {
            jpql.append(" AND a.entityId = :entityId");
        }
        if (query.userId != null) {
            jpql.append(" AND a.userLogin = :userId");
        }
        if (query.from != null) {
            jpql.append(" AND a.occurredAt >= :from");
        }
        if (query.to != null) {
            jpql.append(" AND a.occurredAt < :to");
        }
        if (before != null) {
            jpql.append(" AND a.id < :before");
        }
        jpql.append(" ORDER BY a.id DESC");
        return tx.required(em -> {
            TypedQuery<AuditRecordEntity> select = em.createQuery(jpql.toString(), AuditRecordEntity.class);
            if (query.entityType != null) {
                select.setParameter("entityType", query.entityType);
            }
            if (query.entityId != null) {
                select.setParameter("entityId", query.entityId);
            }
            if (query.userId != null) {
                select.setParameter("userId", query.userId);
            }
            if (query.from != null) {
                select.setParameter("from", query.from);
            }
            if (query.to != null) {
                select.setParameter("to", query.to);
            }
            if (before != null) {
                select.setParameter("before", before);
            }
            List<AuditRecordEntity> rows = select.setMaxResults(query.limit + 1).getResultList();
            boolean more = rows.size() > query.limit;
            List<AuditRecordDTO> items = new ArrayList<>();
            for (AuditRecordEntity row : more ? rows.subList(0, query.limit) : rows) {
                items.add(toDto(row));
            }
            String next = more ? KeysetCursor.encode(items.get(items.size() - 1).id) : null;
            return new Page<>(items, next);
        });
    }

    private static AuditRecordDTO toDto(AuditRecordEntity entity) {
        AuditRecordDTO dto = new AuditRecordDTO();
        dto.id = Ids.format(entity.id);
        dto.at = entity.occurredAt;
        dto.userId = entity.userLogin;
        dto.entityType = entity.entityType;
        dto.entityId = entity.entityId;
        dto.action = AuditAction.valueOf(entity.action);
        dto.changes.addAll(AuditChangeList.decode(entity.changeList));
        for (AuditChange change : entity.changes) {
            dto.changes.add(new FieldChangeDTO(change.field, change.oldValue, change.newValue));
        }
        return dto;
    }
}
