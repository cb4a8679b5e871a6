package org.tessera.crm.core.impl.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.timeline.TimelineOrder;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;

/** A party's activities on its timeline: entries {@code core:activity:<id>}, kind ACTIVITY. */
@Component(property = {"tessera.timeline.source=core", TimelineContributor.KINDS + "=" + ActivityTimelineContributor.KIND})
public class ActivityTimelineContributor implements TimelineContributor {
    static final String ID_PREFIX = "core:activity:";
    static final String KIND = "ACTIVITY";

    private final Tx tx;

    @Activate
    public ActivityTimelineContributor(@Reference(name = "tx", target = CoreUnit.TX) Tx tx) {
        this.tx = tx;
    }

    /**
     * SQL orders ties on the numeric id while the timeline orders them on the entry id string,
     * so whole tie groups at the page edges are read and the final order is made in memory.
     */
    @Override
    public List<TimelineEntryDTO> entries(TimelineQuery query) {
        Optional<Long> partyId = Ids.parse(query.partyId);
        if (partyId.isEmpty() || query.limit < 1) {
            return List.of();
        }
        return tx.required(em -> {
            ActivitySearch search = new ActivitySearch(em);
            Map<Long, ActivityEntity> candidates = new LinkedHashMap<>();
            search.ofPartyBefore(partyId.get(), query.beforeOccurredAt, query.limit).forEach(a -> candidates.put(a.id, a));
            if (query.beforeOccurredAt != null) {
                search.ofPartyAt(partyId.get(), query.beforeOccurredAt).forEach(a -> candidates.put(a.id, a));
            }
            if (!candidates.isEmpty()) {
                List<ActivityEntity> all = new ArrayList<>(candidates.values());
                ActivityEntity oldest = all.get(all.size() - 1);
                search.ofPartyAt(partyId.get(), oldest.timelineAt).forEach(a -> candidates.put(a.id, a));
            }
            return candidates.values().stream().map(ActivityTimelineContributor::toEntry)
                    .filter(query::admits).sorted(TimelineOrder.NEWEST_FIRST).limit(query.limit).toList();
        });
    }

    static TimelineEntryDTO toEntry(ActivityEntity a) {
        TimelineEntryDTO entry = new TimelineEntryDTO();
        entry.id = ID_PREFIX + a.id;
        entry.source = "core";
        entry.kind = KIND;
        entry.occurredAt = a.timelineAt;
        entry.title = a.subject;
        entry.summary = a.type + (a.outcome == null ? "" : " · " + a.outcome);
        entry.status = a.status;
        entry.href = "/activities/" + a.id;
        return entry;
    }
}
