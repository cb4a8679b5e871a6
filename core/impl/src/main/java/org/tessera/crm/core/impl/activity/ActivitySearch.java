package org.tessera.crm.core.impl.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.impl.security.ScopedUnits;
import org.tessera.crm.core.impl.support.SqlBuilder;

/** Activity pages in timeline order (timeline_at descending, then id descending), by keyset. */
final class ActivitySearch {
    private final EntityManager em;
    /** The org units whose parties' activities the caller may see; empty when unrestricted. */
    private final Optional<Set<Long>> visibleOrgUnits;

    ActivitySearch(EntityManager em) {
        this(em, Optional.empty());
    }

    ActivitySearch(EntityManager em, Optional<Set<Long>> visibleOrgUnits) {
        this.em = em;
        this.visibleOrgUnits = visibleOrgUnits;
    }

    Page<ActivityDTO> page(ActivityQuery query) {
        KeysetCursor.checkLimit(query.limit);
        SqlBuilder sql = new SqlBuilder().append("SELECT a.id FROM activity a WHERE 1 = 1");
        if (!appendCriteria(query, sql)) {
            return new Page<>(List.of(), null);
        }
        if (query.cursor != null) {
            List<String> parts = KeysetCursor.decode(query.cursor, 2);
            Timestamp at = Timestamp.from(Instant.ofEpochMilli(parseMillis(parts.get(0))));
            sql.append(" AND (a.timeline_at < ").param(at).append(" OR (a.timeline_at = ").param(at)
                    .append(" AND a.id < ").param(KeysetCursor.idPart(parts.get(1))).append("))");
        }
        sql.append(" ORDER BY a.timeline_at DESC, a.id DESC");
        List<Long> ids = ids(sql, query.limit + 1);
        boolean more = ids.size() > query.limit;
        List<ActivityEntity> entities = load(more ? ids.subList(0, query.limit) : ids);
        String next = null;
        if (more) {
            ActivityEntity last = entities.get(entities.size() - 1);
            next = KeysetCursor.encode(Long.toString(last.timelineAt.toEpochMilli()), last.id.toString());
        }
        return new Page<>(ActivityMapper.toDtos(em, entities), next);
    }

    /**
     * The ids of an export's next batch: the activities the list's criteria and scope match, in id
     * order, after {@code afterId} ({@code null} for the first batch), at most {@code size}.
     */
    List<Long> idsAfter(ActivityQuery query, Long afterId, int size) {
        SqlBuilder sql = new SqlBuilder().append("SELECT a.id FROM activity a WHERE 1 = 1");
        if (!appendCriteria(query, sql)) {
            return List.of();
        }
        if (afterId != null) {
            sql.append(" AND a.id > ").param(afterId);
        }
        sql.append(" ORDER BY a.id");
        return ids(sql, size);
    }

    /** The activities of these ids, in their order. */
    List<ActivityDTO> dtos(List<Long> ids) {
        return ActivityMapper.toDtos(em, load(ids));
    }

    /**
     * Activities of a party with timeline_at strictly before {@code before} (all when null), newest
     * first. Those at {@code before} itself are {@link #ofPartyAt}'s: counted here, the ones already
     * shown would take places in the limit and a page would end early.
     */
    List<ActivityEntity> ofPartyBefore(long partyId, Instant before, int limit) {
        SqlBuilder sql = participantOf(partyId);
        if (before != null) {
            sql.append(" AND a.timeline_at < ").param(Timestamp.from(before));
        }
        sql.append(" ORDER BY a.timeline_at DESC, a.id DESC");
        return load(ids(sql, limit));
    }

    /** Every activity of a party at exactly {@code at} (a tie group, expected to be small). */
    List<ActivityEntity> ofPartyAt(long partyId, Instant at) {
        SqlBuilder sql = participantOf(partyId).append(" AND a.timeline_at = ").param(Timestamp.from(at));
        return load(ids(sql, 10_000));
    }

    private static SqlBuilder participantOf(long partyId) {
        return new SqlBuilder().append("SELECT a.id FROM activity a WHERE EXISTS (SELECT 1 FROM activity_participant ap"
                + " WHERE ap.activity_id = a.id AND ap.party_id = ").param(partyId).append(")");
    }

    private boolean appendCriteria(ActivityQuery q, SqlBuilder sql) {
        if (visibleOrgUnits.isPresent()) {
            // visible when one of its participants is
            sql.append(" AND EXISTS (SELECT 1 FROM activity_participant sp JOIN party sq ON sq.id = sp.party_id"
                    + " WHERE sp.activity_id = a.id");
            if (!ScopedUnits.restrict(sql, "sq.org_unit_id", visibleOrgUnits)) {
                return false;
            }
            sql.append(")");
        }
        if (q.partyId != null) {
            Optional<Long> party = Ids.parse(q.partyId);
            if (party.isEmpty()) {
                return false;
            }
            sql.append(" AND EXISTS (SELECT 1 FROM activity_participant ap WHERE ap.activity_id = a.id AND ap.party_id = ")
                    .param(party.get()).append(")");
        }
        if (q.type != null) {
            sql.append(" AND a.activity_type = ").param(q.type);
        }
        if (q.status != null) {
            sql.append(" AND a.status = ").param(q.status.name());
        }
        if (q.dueFrom != null) {
            sql.append(" AND a.due_at >= ").param(Timestamp.from(q.dueFrom));
        }
        if (q.dueTo != null) {
            sql.append(" AND a.due_at < ").param(Timestamp.from(q.dueTo));
        }
        for (String[] agent : new String[][] {{"owner_id", q.ownerId}, {"assignee_id", q.assigneeId}}) {
            if (agent[1] != null) {
                Optional<Long> id = Ids.parse(agent[1]);
                if (id.isEmpty()) {
                    return false;
                }
                sql.append(" AND a." + agent[0] + " = ").param(id.get());
            }
        }
        if (q.link != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM activity_link al WHERE al.activity_id = a.id AND al.link = ")
                    .param(q.link).append(")");
        }
        return true;
    }

    private List<Long> ids(SqlBuilder sql, int max) {
        List<?> rows = sql.firstRows(em, max);
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(((Number) row).longValue()));
        return ids;
    }

    private List<ActivityEntity> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ActivityEntity> byId = new HashMap<>();
        em.createQuery("SELECT a FROM ActivityEntity a WHERE a.id IN :ids", ActivityEntity.class)
                .setParameter("ids", ids).getResultList().forEach(a -> byId.put(a.id, a));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static long parseMillis(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw KeysetCursor.malformed();
        }
    }
}
