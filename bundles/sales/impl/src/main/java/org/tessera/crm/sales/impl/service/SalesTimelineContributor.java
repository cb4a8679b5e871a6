package org.tessera.crm.sales.impl.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.sales.impl.entity.LeadEntity;
import org.tessera.crm.sales.impl.entity.OpportunityEntity;
import org.tessera.crm.sales.impl.jpa.SalesUnit;

/**
 * A party's leads and opportunities (as account) in its timeline, dated by their creation. Each
 * kind is read up to the limit on its own, then filtered with {@code TimelineQuery.admits}, so a
 * timeline filtered on one kind still gets a full page of it.
 */
@Component(service = TimelineContributor.class,
        property = {TimelineContributor.KINDS + "=LEAD", TimelineContributor.KINDS + "=OPPORTUNITY"})
public class SalesTimelineContributor implements TimelineContributor {
    /** Extra rows fetched per kind so that entries sharing the position's instant are not cut off. */
    private static final int TIES_MARGIN = 20;

    private final Tx tx;

    @Activate
    public SalesTimelineContributor(@Reference(target = SalesUnit.TX) Tx tx) {
        this.tx = tx;
    }

    @Override
    public List<TimelineEntryDTO> entries(TimelineQuery query) {
        Long partyId = Ids.parse(query.partyId).orElse(null);
        if (partyId == null) {
            return List.of();
        }
        List<TimelineEntryDTO> entries = new ArrayList<>();
        tx.required(em -> {
            leads(em, partyId, query).forEach(l -> entries.add(entry(l)));
            opportunities(em, partyId, query).forEach(o -> entries.add(entry(o)));
            return null;
        });
        return entries.stream().filter(query::admits)
                .sorted(Comparator.comparing((TimelineEntryDTO e) -> e.occurredAt).thenComparing(e -> e.id).reversed())
                .limit(query.limit).toList();
    }

    private static List<LeadEntity> leads(EntityManager em, long partyId, TimelineQuery query) {
        String before = query.beforeOccurredAt == null ? "" : " and l.createdAt <= :before";
        var q = em.createQuery("select l from LeadEntity l where l.partyId = :party" + before + " order by l.createdAt desc", LeadEntity.class)
                .setParameter("party", partyId);
        if (query.beforeOccurredAt != null) {
            q.setParameter("before", query.beforeOccurredAt);
        }
        return q.setMaxResults(query.limit + TIES_MARGIN).getResultList();
    }

    private static List<OpportunityEntity> opportunities(EntityManager em, long partyId, TimelineQuery query) {
        String before = query.beforeOccurredAt == null ? "" : " and o.createdAt <= :before";
        var q = em.createQuery("select o from OpportunityEntity o where o.accountId = :party" + before + " order by o.createdAt desc",
                OpportunityEntity.class).setParameter("party", partyId);
        if (query.beforeOccurredAt != null) {
            q.setParameter("before", query.beforeOccurredAt);
        }
        return q.setMaxResults(query.limit + TIES_MARGIN).getResultList();
    }

    private static TimelineEntryDTO entry(LeadEntity l) {
        TimelineEntryDTO e = new TimelineEntryDTO();
        e.id = "sales:lead:" + l.id;
        e.source = "sales";
        e.kind = "LEAD";
        e.occurredAt = l.createdAt;
        e.title = "Lead" + (l.companyName != null ? ": " + l.companyName : "");
        e.summary = l.source == null ? null : "source " + l.source + (l.rating == null ? "" : ", rating " + l.rating);
        e.status = l.status;
        e.href = "/sales/leads/" + l.id;
        return e;
    }

    private static TimelineEntryDTO entry(OpportunityEntity o) {
        TimelineEntryDTO e = new TimelineEntryDTO();
        e.id = "sales:opportunity:" + o.id;
        e.source = "sales";
        e.kind = "OPPORTUNITY";
        e.occurredAt = o.createdAt;
        e.title = "Opportunity: " + o.name;
        e.summary = o.stage + (o.amount == null ? "" : ", " + org.tessera.crm.sales.impl.rules.Money.round(o.amount, o.currency).toPlainString() + " " + o.currency);
        e.status = o.status;
        e.href = "/sales/opportunities/" + o.id;
        return e;
    }
}
