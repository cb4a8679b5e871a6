package org.tessera.crm.core.impl.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.activity.Direction;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.impl.support.Times;

/** Copies between activity DTOs and entities; reads pages with one query per kind of child. */
public final class ActivityMapper {
    private ActivityMapper() {
    }

    public static ActivityDTO writableCopy(ActivityDTO s) {
        ActivityDTO a = new ActivityDTO();
        a.type = s.type;
        a.subject = s.subject;
        a.description = s.description;
        a.status = s.status == null ? ActivityStatus.PLANNED : s.status;
        a.dueAt = Times.millis(s.dueAt);
        a.startAt = Times.millis(s.startAt);
        a.endAt = Times.millis(s.endAt);
        a.ownerId = s.ownerId;
        a.assigneeId = s.assigneeId;
        a.participants = new ArrayList<>(s.participants == null ? List.of() : s.participants);
        a.channel = s.channel;
        a.direction = s.direction;
        a.outcome = s.outcome;
        a.links = new ArrayList<>(s.links == null ? List.of() : s.links);
        a.externalIds = new LinkedHashMap<>(s.externalIds == null ? Map.of() : s.externalIds);
        a.customFields = new LinkedHashMap<>(s.customFields == null ? Map.of() : s.customFields);
        return a;
    }

    /** Makes the entity hold the validated state {@code a}; the caller sets createdAt first. */
    public static void apply(ActivityDTO a, ActivityEntity e) {
        e.type = a.type;
        e.subject = a.subject;
        e.description = a.description;
        e.status = a.status.name();
        e.dueAt = a.dueAt;
        e.startAt = a.startAt;
        e.endAt = a.endAt;
        e.timelineAt = timelineAt(a.endAt, a.startAt, a.dueAt, e.createdAt);
        e.ownerId = Ids.parse(a.ownerId).orElse(null);
        e.assigneeId = Ids.parse(a.assigneeId).orElse(null);
        e.channel = a.channel;
        e.direction = a.direction == null ? null : a.direction.name();
        e.outcome = a.outcome;
        Set<Long> participants = new LinkedHashSet<>();
        a.participants.forEach(id -> participants.add(Ids.parse(id).orElseThrow()));
        e.participants.retainAll(participants);
        e.participants.addAll(participants);
        Set<String> links = new LinkedHashSet<>(a.links);
        e.links.retainAll(links);
        e.links.addAll(links);
        if (!e.externalIds.equals(a.externalIds)) {
            e.externalIds.keySet().retainAll(a.externalIds.keySet());
            e.externalIds.putAll(a.externalIds);
        }
    }

    /** When the activity sits on the timeline: coalesce(endAt, startAt, dueAt, createdAt). */
    public static Instant timelineAt(Instant endAt, Instant startAt, Instant dueAt, Instant createdAt) {
        for (Instant candidate : new Instant[] {endAt, startAt, dueAt}) {
            if (candidate != null) {
                return candidate;
            }
        }
        return createdAt;
    }

    public static List<ActivityDTO> toDtos(EntityManager em, List<ActivityEntity> entities) {
        List<ActivityDTO> dtos = new ArrayList<>();
        if (entities.isEmpty()) {
            return dtos;
        }
        List<Long> ids = entities.stream().map(e -> e.id).toList();
        Map<Long, TreeSet<Long>> participants = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.id, p FROM ActivityEntity a JOIN a.participants p WHERE a.id IN :ids",
                Object[].class).setParameter("ids", ids).getResultList()) {
            participants.computeIfAbsent((Long) row[0], id -> new TreeSet<>()).add(((Number) row[1]).longValue());
        }
        Map<Long, TreeSet<String>> links = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.id, l FROM ActivityEntity a JOIN a.links l WHERE a.id IN :ids",
                Object[].class).setParameter("ids", ids).getResultList()) {
            links.computeIfAbsent((Long) row[0], id -> new TreeSet<>()).add((String) row[1]);
        }
        Map<Long, TreeMap<String, String>> externalIds = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.id, KEY(e), VALUE(e) FROM ActivityEntity a JOIN a.externalIds e"
                + " WHERE a.id IN :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            externalIds.computeIfAbsent((Long) row[0], id -> new TreeMap<>()).put((String) row[1], (String) row[2]);
        }
        Map<Long, Map<String, Object>> custom = new CustomValueStore(em).load(EntityTypes.ACTIVITY, ids);
        for (ActivityEntity e : entities) {
            ActivityDTO a = scalars(e);
            participants.getOrDefault(e.id, new TreeSet<>()).forEach(id -> a.participants.add(id.toString()));
            a.links.addAll(links.getOrDefault(e.id, new TreeSet<>()));
            a.externalIds = new LinkedHashMap<>(externalIds.getOrDefault(e.id, new TreeMap<>()));
            a.customFields = new LinkedHashMap<>(custom.getOrDefault(e.id, Map.of()));
            dtos.add(a);
        }
        return dtos;
    }

    static ActivityDTO scalars(ActivityEntity e) {
        ActivityDTO a = new ActivityDTO();
        a.id = Ids.format(e.id);
        a.type = e.type;
        a.subject = e.subject;
        a.description = e.description;
        a.status = ActivityStatus.valueOf(e.status);
        a.dueAt = e.dueAt;
        a.startAt = e.startAt;
        a.endAt = e.endAt;
        a.ownerId = Ids.format(e.ownerId);
        a.assigneeId = Ids.format(e.assigneeId);
        a.channel = e.channel;
        a.direction = e.direction == null ? null : Direction.valueOf(e.direction);
        a.outcome = e.outcome;
        a.version = e.version;
        a.createdAt = e.createdAt;
        a.updatedAt = e.updatedAt;
        return a;
    }
}
