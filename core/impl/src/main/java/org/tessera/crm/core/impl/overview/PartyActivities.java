package org.tessera.crm.core.impl.overview;

import java.time.Instant;
import java.util.List;

import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.overview.OverviewItemDTO;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The activities a party takes part in, as the overview needs them. The callers have checked that
 * the party is in the caller's scope, and an activity is in scope when one of its participants is.
 */
final class PartyActivities {
    private final Tx tx;

    PartyActivities(Tx tx) {
        this.tx = tx;
    }

    /** The planned activities of the party, soonest due first (those without a due date last). */
    List<ActivityEntity> planned(long partyId, int limit) {
        return tx.required(em -> em.createQuery("SELECT a FROM ActivityEntity a JOIN a.participants p WHERE p = :party"
                + " AND a.status = :status ORDER BY a.dueAt, a.id", ActivityEntity.class)
                .setParameter("party", partyId).setParameter("status", ActivityStatus.PLANNED.name())
                .setMaxResults(limit).getResultList());
    }

    /** How many planned activities of the party are due before {@code now}. */
    long overdue(long partyId, Instant now) {
        return tx.required(em -> em.createQuery("SELECT COUNT(a) FROM ActivityEntity a JOIN a.participants p WHERE p = :party"
                + " AND a.status = :status AND a.dueAt < :now", Long.class)
                .setParameter("party", partyId).setParameter("status", ActivityStatus.PLANNED.name())
                .setParameter("now", now).getSingleResult());
    }

    /** How many planned activities the party has. */
    long plannedCount(long partyId) {
        return tx.required(em -> em.createQuery("SELECT COUNT(a) FROM ActivityEntity a JOIN a.participants p WHERE p = :party"
                + " AND a.status = :status", Long.class)
                .setParameter("party", partyId).setParameter("status", ActivityStatus.PLANNED.name()).getSingleResult());
    }

    /** The party's most recent done activity, by when it happened. */
    List<ActivityEntity> lastDone(long partyId) {
        return tx.required(em -> em.createQuery("SELECT a FROM ActivityEntity a JOIN a.participants p WHERE p = :party"
                + " AND a.status = :status ORDER BY a.timelineAt DESC, a.id DESC", ActivityEntity.class)
                .setParameter("party", partyId).setParameter("status", ActivityStatus.DONE.name())
                .setMaxResults(1).getResultList());
    }

    /** An activity as an overview item, at its due date when planned, at when it happened otherwise. */
    static OverviewItemDTO item(ActivityEntity a) {
        OverviewItemDTO item = new OverviewItemDTO();
        item.id = "core:activity:" + a.id;
        item.type = a.type;
        item.title = a.subject;
        item.subtitle = a.type + (a.channel == null ? "" : " · " + a.channel) + (a.outcome == null ? "" : " · " + a.outcome);
        item.status = a.status;
        item.at = ActivityStatus.PLANNED.name().equals(a.status) && a.dueAt != null ? a.dueAt : a.timelineAt;
        item.href = "/activities/" + a.id;
        return item;
    }
}
