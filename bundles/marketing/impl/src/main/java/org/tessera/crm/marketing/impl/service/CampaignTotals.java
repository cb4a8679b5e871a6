package org.tessera.crm.marketing.impl.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.marketing.api.AttributionModel;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.CampaignTotalsDTO;
import org.tessera.crm.marketing.api.spi.OpportunitySource;
import org.tessera.crm.marketing.impl.rules.Totals;
import org.tessera.crm.marketing.impl.segment.NativeSql;

/**
 * Totals of a campaign or of its subtree, computed by the database: member figures from the
 * module's tables (within the caller's perimeter), sales figures from the {@link OpportunitySource}
 * sales registers — none when sales is absent. Costs of a subtree are summed over its campaigns.
 */
@Component(service = CampaignTotals.class)
public class CampaignTotals {
    /** The multi-touch window: responses in the 90 days before the opportunity was created. */
    static final Duration WINDOW = Duration.ofDays(90);
    private final Tx tx;
    private final RecordScope scope;
    private final Campaigns campaigns;
    private volatile OpportunitySource opportunities;

    @Activate
    public CampaignTotals(@Reference(target = MarketingUnit.TX) Tx tx, @Reference RecordScope scope, @Reference Campaigns campaigns) {
        this.tx = tx;
        this.scope = scope;
        this.campaigns = campaigns;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setOpportunitySource(OpportunitySource source) {
        this.opportunities = source;
    }

    public void unsetOpportunitySource(OpportunitySource source) {
        if (this.opportunities == source) {
            this.opportunities = null;
        }
    }

    public CampaignTotalsDTO totals(String campaignId, boolean subtree, AttributionModel model) {
        CampaignDTO campaign = campaigns.get(campaignId);
        long root = Long.parseLong(campaign.id);
        AttributionModel attribution = model == null ? AttributionModel.PRIMARY : model;
        OpportunitySource source = opportunities;
        String visibleMember = ScopeFilter.of(scope).sqlCondition("m.party_id");
        String visibleAccount = ScopeFilter.of(scope).sqlCondition("o.account_id");
        return tx.required(em -> {
            Set<Long> ids = subtree ? Campaigns.subtreeOf(root, Campaigns.parents(em)) : Set.of(root);
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
            CampaignTotalsDTO t = new CampaignTotalsDTO();
            t.campaignId = campaign.id;
            t.subtree = subtree;
            t.attribution = attribution;
            Object[] members = (Object[]) NativeSql.query(em, "SELECT COUNT(*),"
                    + " SUM(CASE WHEN m.first_responded_at IS NOT NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN m.send_status = 'SENT' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN m.send_status = 'SUPPRESSED' THEN 1 ELSE 0 END)"
                    + " FROM marketing_member m WHERE m.campaign_id IN (" + in + ") AND " + visibleMember, List.of()).getSingleResult();
            t.members = NativeSql.longOf(members[0]);
            t.responses = NativeSql.longOf(members[1]);
            t.sent = NativeSql.longOf(members[2]);
            t.suppressed = NativeSql.longOf(members[3]);
            Object cost = NativeSql.query(em, "SELECT SUM(actual_cost) FROM marketing_campaign WHERE id IN (" + in + ")", List.of())
                    .getSingleResult();
            t.actualCost = cost == null ? null : NativeSql.decimalOf(cost).setScale(2, RoundingMode.HALF_UP);
            t.opportunities = BigDecimal.ZERO;
            t.wonOpportunities = BigDecimal.ZERO;
            t.wonAmount = BigDecimal.ZERO;
            if (source != null) {
                List<Object> campaignIds = ids.stream().map(id -> (Object) String.valueOf(id)).toList();
                String placeholders = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
                t.convertedLeads = NativeSql.longOf(NativeSql.query(em, "SELECT SUM(l.converted) FROM (" + source.leadsSql() + ") l"
                        + " WHERE l.campaign_id IN (" + placeholders + ")", campaignIds).getSingleResult());
                if (attribution == AttributionModel.PRIMARY) {
                    primary(em, source, placeholders, campaignIds, visibleAccount, t);
                } else {
                    evenSplit(em, source, ids, in, visibleAccount, t);
                }
            }
            t.wonAmount = t.wonAmount.setScale(2, RoundingMode.HALF_UP);
            return Totals.derive(t);
        });
    }

    private static void primary(EntityManager em, OpportunitySource source, String placeholders, List<Object> campaignIds,
            String visibleAccount, CampaignTotalsDTO t) {
        Object[] row = (Object[]) NativeSql.query(em, "SELECT COUNT(*), SUM(o.won), SUM(CASE WHEN o.won = 1 THEN o.amount ELSE 0 END)"
                + " FROM (" + source.opportunitiesSql() + ") o WHERE o.campaign_id IN (" + placeholders + ") AND " + visibleAccount,
                campaignIds).getSingleResult();
        t.opportunities = BigDecimal.valueOf(NativeSql.longOf(row[0]));
        t.wonOpportunities = BigDecimal.valueOf(NativeSql.longOf(row[1]));
        t.wonAmount = NativeSql.decimalOf(row[2]);
    }

    /**
     * Each opportunity of an account whose people (the account itself, or a party related to it)
     * responded to a campaign of the subtree is credited evenly to every campaign they responded to
     * in the 90 days before it was created; the subtree's share is the sum of its campaigns' shares.
     */
    private static void evenSplit(EntityManager em, OpportunitySource source, Set<Long> ids, String in, String visibleAccount,
            CampaignTotalsDTO t) {
        String touches = "SELECT o.opportunity_id, o.won, o.amount, o.created_at, m.campaign_id, m.first_responded_at"
                + " FROM (" + source.opportunitiesSql() + ") o JOIN marketing_member m ON m.first_responded_at IS NOT NULL"
                + " AND m.first_responded_at <= o.created_at AND (m.party_id = o.account_id OR EXISTS (SELECT 1 FROM party_relationship r"
                + " WHERE r.from_party_id = m.party_id AND r.to_party_id = o.account_id))"
                + " WHERE " + visibleAccount + " AND EXISTS (SELECT 1 FROM marketing_member m2 WHERE m2.campaign_id IN (" + in + ")"
                + " AND m2.first_responded_at IS NOT NULL AND (m2.party_id = o.account_id OR EXISTS (SELECT 1 FROM party_relationship r2"
                + " WHERE r2.from_party_id = m2.party_id AND r2.to_party_id = o.account_id)))";
        Map<Long, Touched> byOpportunity = new TreeMap<>();
        for (Object raw : NativeSql.query(em, touches, List.of()).getResultList()) {
            Object[] r = (Object[]) raw;
            Instant created = NativeSql.instantOf(r[3]);
            Instant responded = NativeSql.instantOf(r[5]);
            if (responded.isBefore(created.minus(WINDOW))) {
                continue;
            }
            Touched touched = byOpportunity.computeIfAbsent(NativeSql.longOf(r[0]),
                    id -> new Touched(NativeSql.longOf(r[1]) == 1, r[2] == null ? BigDecimal.ZERO : NativeSql.decimalOf(r[2])));
            touched.campaigns.add(NativeSql.longOf(r[4]));
        }
        BigDecimal opportunities = BigDecimal.ZERO;
        BigDecimal won = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        for (Touched touched : byOpportunity.values()) {
            long ours = touched.campaigns.stream().filter(ids::contains).count();
            if (ours == 0) {
                continue;
            }
            BigDecimal share = BigDecimal.valueOf(ours).divide(BigDecimal.valueOf(touched.campaigns.size()), MathContext.DECIMAL64);
            opportunities = opportunities.add(share);
            if (touched.won) {
                won = won.add(share);
                amount = amount.add(touched.amount.multiply(share));
            }
        }
        t.opportunities = new BigDecimal(opportunities.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        t.wonOpportunities = new BigDecimal(won.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        t.wonAmount = amount;
    }

    /** An opportunity and the campaigns its account's people responded to in the window. */
    private static final class Touched {
        final boolean won;
        final BigDecimal amount;
        final Set<Long> campaigns = new TreeSet<>();

        Touched(boolean won, BigDecimal amount) {
            this.won = won;
            this.amount = amount;
        }
    }


}
