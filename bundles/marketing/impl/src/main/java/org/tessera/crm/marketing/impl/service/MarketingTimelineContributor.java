package org.tessera.crm.marketing.impl.service;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.marketing.api.MarketingConstants;
import org.tessera.crm.marketing.impl.segment.NativeSql;

/**
 * A party's campaign memberships on its timeline, dated when the party joined the campaign, with
 * the member's status; the responses themselves are core activities linked to the campaign, so
 * they are on the timeline already.
 */
@Component(property = TimelineContributor.KINDS + "=" + MarketingTimelineContributor.KIND)
public class MarketingTimelineContributor implements TimelineContributor {
    static final String KIND = "CAMPAIGN_MEMBERSHIP";
    private final Tx tx;
    private final CallerContext callers;

    @Activate
    public MarketingTimelineContributor(@Reference(target = MarketingUnit.TX) Tx tx, @Reference CallerContext callers) {
        this.tx = tx;
        this.callers = callers;
    }

    @Override
    public List<TimelineEntryDTO> entries(TimelineQuery query) {
        Optional<Long> party = Ids.parse(query.partyId);
        if (party.isEmpty() || !callers.permits(MarketingPermissions.CAMPAIGN_READ)) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(party.get()));
        // the position is compared in Java by admits(); the SQL only trims what is surely after it
        String before = query.beforeOccurredAt == null ? "" : " AND m.added_at <= ?";
        if (query.beforeOccurredAt != null) {
            params.add(Timestamp.from(query.beforeOccurredAt));
        }
        List<?> rows = tx.required(em -> NativeSql.query(em, "SELECT m.campaign_id, c.name, m.status_code, m.added_at, m.first_responded_at"
                + " FROM marketing_member m JOIN marketing_campaign c ON c.id = m.campaign_id WHERE m.party_id = ?" + before
                + " ORDER BY m.added_at DESC, m.campaign_id DESC", params).setMaxResults(query.limit + 50).getResultList());
        List<TimelineEntryDTO> entries = new ArrayList<>();
        for (Object raw : rows) {
            Object[] r = (Object[]) raw;
            TimelineEntryDTO e = new TimelineEntryDTO();
            String campaignId = String.valueOf(NativeSql.longOf(r[0]));
            e.id = MarketingConstants.MODULE + ":membership:" + campaignId;
            e.source = MarketingConstants.MODULE;
            e.kind = KIND;
            e.occurredAt = NativeSql.instantOf(r[3]);
            e.title = "Campaign: " + r[1];
            e.summary = r[4] == null ? "Member" : "Responded";
            e.status = (String) r[2];
            e.href = "/marketing/campaigns/" + campaignId + "/members/" + party.get();
            if (query.admits(e)) {
                entries.add(e);
            }
        }
        entries.sort((a, b) -> {
            int c = b.occurredAt.compareTo(a.occurredAt);
            return c != 0 ? c : b.id.compareTo(a.id);
        });
        return entries.size() > query.limit ? entries.subList(0, query.limit) : entries;
    }
}
