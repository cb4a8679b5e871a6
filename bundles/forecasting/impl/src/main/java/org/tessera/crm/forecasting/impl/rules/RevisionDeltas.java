package org.tessera.crm.forecasting.impl.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tessera.crm.forecasting.api.OpportunityDeltaDTO;
import org.tessera.crm.forecasting.api.RevisionOpportunityDTO;

/** What changed between the opportunities of two forecasts: added, removed, or moved in category, amount or date. */
public final class RevisionDeltas {
    public static final String ADDED = "ADDED";
    public static final String REMOVED = "REMOVED";
    public static final String CHANGED = "CHANGED";

    private RevisionDeltas() {
    }

    public static List<OpportunityDeltaDTO> between(List<RevisionOpportunityDTO> before, List<RevisionOpportunityDTO> after) {
        Map<String, RevisionOpportunityDTO> old = new LinkedHashMap<>();
        before.forEach(o -> old.put(o.opportunityId, o));
        List<OpportunityDeltaDTO> deltas = new ArrayList<>();
        for (RevisionOpportunityDTO now : after) {
            RevisionOpportunityDTO was = old.remove(now.opportunityId);
            if (was == null) {
                deltas.add(delta(ADDED, null, now));
            } else if (was.category != now.category || !sameAmount(was, now) || !Objects.equals(was.expectedCloseDate, now.expectedCloseDate)) {
                deltas.add(delta(CHANGED, was, now));
            }
        }
        old.values().forEach(gone -> deltas.add(delta(REMOVED, gone, null)));
        return deltas;
    }

    private static boolean sameAmount(RevisionOpportunityDTO a, RevisionOpportunityDTO b) {
        return a.amount == null ? b.amount == null : b.amount != null && a.amount.compareTo(b.amount) == 0
                && Objects.equals(a.currency, b.currency);
    }

    public static OpportunityDeltaDTO delta(String change, RevisionOpportunityDTO was, RevisionOpportunityDTO now) {
        OpportunityDeltaDTO d = new OpportunityDeltaDTO();
        RevisionOpportunityDTO any = now != null ? now : was;
        d.opportunityId = any.opportunityId;
        d.name = any.name;
        d.currency = any.currency;
        d.change = change;
        if (was != null) {
            d.fromCategory = was.category;
            d.fromAmount = was.amount;
            d.fromCloseDate = was.expectedCloseDate;
        }
        if (now != null) {
            d.toCategory = now.category;
            d.toAmount = now.amount;
            d.toCloseDate = now.expectedCloseDate;
        }
        return d;
    }
}
