package org.tessera.crm.forecasting.impl.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.forecasting.api.PositionDTO;
import org.tessera.crm.forecasting.impl.rules.ExplicitTree;

/** What creating and changing a position both check of its writable fields. */
final class PositionChecks {
    /** The checked fields, as they are stored; {@code orgUnitId} defaults to the agent's unit. */
    record Fields(String name, Long agentId, Long orgUnitId, Long parentId, boolean unitManager) {
    }

    private PositionChecks() {
    }

    /**
     * The name, and an agent and org unit that the core knows.
     *
     * @throws ValidationException naming each field in error
     */
    static Fields check(PositionDTO draft, OrgService org) {
        FieldErrors errors = new FieldErrors();
        errors.required("name", draft.name).maxLength("name", draft.name, Checks.NAME_MAX);
        Long agentId = Checks.id("agentId", draft.agentId, errors);
        Long unitId = Ids.reference("orgUnitId", draft.orgUnitId, errors);
        Long parentId = Ids.reference("parentId", draft.parentId, errors);
        errors.throwIfAny();
        AgentDTO agent = org.findAgent(draft.agentId).orElse(null);
        if (agent == null) {
            errors.invalid("agentId", "no such agent");
        }
        if (unitId != null && org.findOrgUnit(draft.orgUnitId).isEmpty()) {
            errors.invalid("orgUnitId", "no such org unit");
        }
        errors.throwIfAny();
        Long unit = unitId != null ? unitId : agent.orgUnitId == null ? null : Long.valueOf(agent.orgUnitId);
        return new Fields(draft.name.strip(), agentId, unit, parentId, draft.unitManager);
    }

    /**
     * Against the stored positions: the parent exists and is neither the position itself nor below
     * it, and the agent holds no other position.
     *
     * @param self the position being changed, {@code null} for a new one
     * @throws ValidationException on {@code parentId}
     * @throws ConflictException on {@code agentId}
     */
    static void checkStored(EntityManager em, Fields fields, Long self) {
        if (fields.parentId() != null) {
            Map<Long, Long> parents = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT p.id, p.parentId FROM PositionEntity p", Object[].class).getResultList()) {
                parents.put((Long) row[0], (Long) row[1]);
            }
            if (!parents.containsKey(fields.parentId())) {
                throw new ValidationException(FieldError.invalid("parentId", "no such position"));
            }
            if (self != null && ExplicitTree.reportsTo(parents, fields.parentId(), self)) {
                throw new ValidationException(FieldError.invalid("parentId", fields.parentId().equals(self)
                        ? "a position cannot report to itself"
                        : "position " + fields.parentId() + " reports to this one: it cannot be its parent too"));
            }
        }
        // the unique constraint would refuse it too, but only at flush and without naming the holder
        List<Long> holders = em.createQuery("SELECT p.id FROM PositionEntity p WHERE p.agentId = :agent", Long.class)
                .setParameter("agent", fields.agentId()).getResultList();
        holders.stream().filter(holder -> !holder.equals(self)).findFirst().ifPresent(holder -> {
            throw new ConflictException("agentId", "agent " + fields.agentId() + " already holds position " + holder);
        });
    }
}
