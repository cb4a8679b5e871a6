package org.tessera.crm.service.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.impl.entity.ClockEntity;
import org.tessera.crm.service.impl.entity.HistoryEntity;
import org.tessera.crm.service.impl.entity.RequestEntity;

/**
 * A party's service history in its timeline: requests opened, their status changes, and SLA
 * violations. Each kind is declared, so a timeline filtered on another kind does not ask it.
 */
@Component(service = TimelineContributor.class, property = TimelineContributor.KINDS + "=" + RequestTimelineContributor.OPENED
        + "," + RequestTimelineContributor.STATUS + "," + RequestTimelineContributor.VIOLATION)
public class RequestTimelineContributor implements TimelineContributor {
    static final String OPENED = "SERVICE_REQUEST";
    static final String STATUS = "SERVICE_REQUEST_STATUS";
    static final String VIOLATION = "SLA_VIOLATION";
    /** Extra rows fetched so that entries sharing the position's instant are not cut off. */
    private static final int TIES_MARGIN = 20;

    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public RequestTimelineContributor(@Reference(name = "tx", target = ServiceUnit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public List<TimelineEntryDTO> entries(TimelineQuery query) {
        Long party = Ids.parse(query.partyId).orElse(null);
        if (party == null) {
            return List.of();
        }
        ScopeFilter visible = ScopeFilter.of(scope);
        int rows = query.limit + TIES_MARGIN;
        List<TimelineEntryDTO> entries = new ArrayList<>();
        tx.required(em -> {
            if (wants(query, OPENED)) {
                JpqlQuery.of("SELECT e FROM RequestEntity e").where(visible.condition("e.partyId"))
                        .where("e.partyId = :party", "party", party)
                        .where("e.createdAt <= :before", "before", query.beforeOccurredAt)
                        .create(em, "e.createdAt DESC", RequestEntity.class).setMaxResults(rows).getResultList()
                        .forEach(e -> entries.add(opened(e)));
            }
            if (wants(query, STATUS)) {
                JpqlQuery.of("SELECT h, e FROM HistoryEntity h, RequestEntity e").where("h.requestId = e.id")
                        .where(visible.condition("e.partyId")).where("e.partyId = :party", "party", party)
                        .where("h.field = 'status'").where("h.oldValue IS NOT NULL")
                        .where("h.at <= :before", "before", query.beforeOccurredAt)
                        .create(em, "h.at DESC", Object[].class).setMaxResults(rows).getResultList()
                        .forEach(r -> entries.add(status((HistoryEntity) r[0], (RequestEntity) r[1])));
            }
            if (wants(query, VIOLATION)) {
                JpqlQuery.of("SELECT c, e FROM ClockEntity c, RequestEntity e").where("c.subjectId = e.id")
                        .where("c.subjectType = :type", "type", RequestService.ENTITY_TYPE)
                        .where(visible.condition("e.partyId")).where("e.partyId = :party", "party", party)
                        .where("c.phase = 'VIOLATED'").where("c.targetAt <= :before", "before", query.beforeOccurredAt)
                        .create(em, "c.targetAt DESC", Object[].class).setMaxResults(rows).getResultList()
                        .forEach(r -> entries.add(violation((ClockEntity) r[0], (RequestEntity) r[1])));
            }
            return null;
        });
        return entries.stream().filter(query::admits)
                .sorted(Comparator.comparing((TimelineEntryDTO e) -> e.occurredAt).thenComparing(e -> e.id).reversed())
                .limit(query.limit).toList();
    }

    private static boolean wants(TimelineQuery query, String kind) {
        return query.kinds == null || query.kinds.isEmpty() || query.kinds.contains(kind);
    }

    private static TimelineEntryDTO opened(RequestEntity row) {
        TimelineEntryDTO entry = base(row, RequestService.link(Ids.format(row.id)), OPENED);
        entry.occurredAt = row.createdAt;
        entry.title = "Request " + row.number + " opened: " + row.summary;
        entry.summary = row.description;
        entry.status = row.status;
        return entry;
    }

    private static TimelineEntryDTO status(HistoryEntity h, RequestEntity row) {
        TimelineEntryDTO entry = base(row, "service:request-status:" + h.id, STATUS);
        entry.occurredAt = h.at;
        entry.title = "Request " + row.number + ": " + h.oldValue + " → " + h.newValue;
        entry.summary = row.summary;
        entry.status = h.newValue;
        return entry;
    }

    private static TimelineEntryDTO violation(ClockEntity c, RequestEntity row) {
        TimelineEntryDTO entry = base(row, "service:sla-violation:" + c.id, VIOLATION);
        entry.occurredAt = c.targetAt;
        entry.title = "Request " + row.number + ": " + c.milestone + " violated";
        entry.summary = row.summary;
        entry.status = "VIOLATED";
        return entry;
    }

    private static TimelineEntryDTO base(RequestEntity row, String id, String kind) {
        TimelineEntryDTO entry = new TimelineEntryDTO();
        entry.id = id;
        entry.source = RequestService.MODULE;
        entry.kind = kind;
        entry.href = "/service/requests/" + row.id;
        return entry;
    }
}
