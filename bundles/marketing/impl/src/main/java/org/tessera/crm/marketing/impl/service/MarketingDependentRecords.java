package org.tessera.crm.marketing.impl.service;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.spi.DependentRecordsContributor;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.marketing.api.MarketingConstants;
import org.tessera.crm.marketing.impl.segment.NativeSql;

/** A party that is a campaign member or on the suppression list is not deleted from under them (409 listing them). */
@Component
public class MarketingDependentRecords implements DependentRecordsContributor {
    private final Tx tx;

    @Activate
    public MarketingDependentRecords(@Reference(target = MarketingUnit.TX) Tx tx) {
        this.tx = tx;
    }

    @Override
    public List<DependentRecordsDTO> dependentsOf(String entityType, String id) {
        if (!EntityTypes.PARTY.equals(entityType)) {
            return List.of();
        }
        return Ids.parse(id).map(party -> tx.required(em -> {
            List<DependentRecordsDTO> found = new ArrayList<>();
            long members = NativeSql.count(em, "SELECT COUNT(*) FROM marketing_member WHERE party_id = ?", List.of(party));
            if (members > 0) {
                List<String> ids = NativeSql.query(em, "SELECT campaign_id FROM marketing_member WHERE party_id = ? ORDER BY campaign_id",
                        List.of(party)).setMaxResults(5).getResultList().stream().map(v -> String.valueOf(NativeSql.longOf(v))).toList();
                found.add(dependents(MarketingConstants.MEMBER, members, ids));
            }
            long suppressions = NativeSql.count(em, "SELECT COUNT(*) FROM marketing_suppression WHERE party_id = ?", List.of(party));
            if (suppressions > 0) {
                found.add(dependents(MarketingConstants.SUPPRESSION, suppressions, List.of()));
            }
            return found;
        })).orElse(List.of());
    }

    private static DependentRecordsDTO dependents(String type, long count, List<String> ids) {
        DependentRecordsDTO d = new DependentRecordsDTO();
        d.module = MarketingConstants.MODULE;
        d.type = type;
        d.count = count;
        d.ids = ids;
        return d;
    }
}
