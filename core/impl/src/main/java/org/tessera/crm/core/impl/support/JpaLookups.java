package org.tessera.crm.core.impl.support;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.impl.entity.AgentEntity;
import org.tessera.crm.core.impl.entity.OrgUnitEntity;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.kit.Ids;

/** {@link Lookups} in the caller's transaction. */
public final class JpaLookups implements Lookups {
    private final EntityManager em;

    public JpaLookups(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean isActiveValue(String picklistKey, String code) {
        if (code == null) {
            return false;
        }
        return !em.createQuery("SELECT v.code FROM PicklistEntity p JOIN p.values v"
                + " WHERE p.key = :key AND v.code = :code AND v.active = :active", String.class)
                .setParameter("key", picklistKey).setParameter("code", code).setParameter("active", Boolean.TRUE)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public boolean exists(String entityType, long id) {
        Class<?> type = switch (entityType) {
            case EntityTypes.PARTY -> PartyEntity.class;
            case EntityTypes.ACTIVITY -> ActivityEntity.class;
            case EntityTypes.AGENT -> AgentEntity.class;
            case EntityTypes.ORG_UNIT -> OrgUnitEntity.class;
            default -> throw new IllegalArgumentException("not a core entity type: " + entityType);
        };
        return em.find(type, id) != null;
    }

    /** Whether {@code id} is a well-formed id of an existing record of a core type. */
    public static boolean exists(Lookups lookups, String entityType, String id) {
        return Ids.parse(id).map(value -> lookups.exists(entityType, value)).orElse(false);
    }
}
