package org.tessera.crm.forecasting.impl.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.forecasting.api.ForecastLineDTO;
import org.tessera.crm.forecasting.api.RevisionDTO;
import org.tessera.crm.forecasting.api.RevisionOpportunityDTO;
import org.tessera.crm.forecasting.impl.entity.RevisionEntity;
import org.tessera.crm.forecasting.impl.entity.RevisionLineEntity;
import org.tessera.crm.forecasting.impl.entity.RevisionOpportunityEntity;
import org.tessera.crm.forecasting.impl.rules.Figures;
import org.tessera.crm.forecasting.impl.rules.LineKey;
import org.tessera.crm.forecasting.api.Category;

/** Revisions between their rows and their DTOs. Lines are stored non-cumulative, per currency. */
final class RevisionMapper {
    static final String OWN = "OWN";
    static final String ROLLUP = "ROLLUP";
    static final String TOTAL = "TOTAL";

    private RevisionMapper() {
    }

    static LineKey key(RevisionLineEntity l) {
        return new LineKey(Category.valueOf(l.category), l.currency);
    }

    static Figures figures(RevisionLineEntity l) {
        return new Figures(l.count, l.amount, l.weighted, l.forecast, l.adjusted);
    }

    static RevisionLineEntity line(long revisionId, String part, LineKey key, Figures f) {
        RevisionLineEntity l = new RevisionLineEntity();
        l.revisionId = revisionId;
        l.part = part;
        l.category = key.category().name();
        l.currency = key.currency();
        l.count = f.count();
        l.amount = f.amount();
        l.weighted = f.weighted();
        l.forecast = f.forecast();
        l.adjusted = f.adjusted();
        return l;
    }

    static RevisionOpportunityEntity opportunity(long revisionId, RevisionOpportunityDTO o) {
        RevisionOpportunityEntity e = new RevisionOpportunityEntity();
        e.revisionId = revisionId;
        e.opportunityId = o.opportunityId;
        e.name = o.name == null || o.name.length() <= 255 ? o.name : o.name.substring(0, 255);
        e.stage = o.stage;
        e.category = o.category.name();
        e.amount = o.amount;
        e.probability = o.probability;
        e.currency = o.currency;
        e.closeDate = o.expectedCloseDate;
        return e;
    }

    static RevisionDTO toDto(RevisionEntity r, List<RevisionLineEntity> lines, List<RevisionOpportunityEntity> opportunities) {
        RevisionDTO d = new RevisionDTO();
        d.id = Ids.format(r.id);
        d.positionId = Ids.format(r.positionId);
        d.periodId = Ids.format(r.periodId);
        d.revision = r.revision;
        d.submittedAt = r.submittedAt;
        d.submittedBy = r.submittedBy;
        d.rollupSource = r.rollupSource;
        for (RevisionLineEntity l : lines) {
            ForecastLineDTO line = Worksheets.line(key(l), figures(l), false);
            switch (l.part) {
                case OWN -> d.own.add(line);
                case ROLLUP -> d.rollup.add(line);
                default -> d.total.add(line);
            }
        }
        opportunities.forEach(o -> d.opportunities.add(toDto(o)));
        return d;
    }

    static RevisionOpportunityDTO toDto(RevisionOpportunityEntity e) {
        RevisionOpportunityDTO d = new RevisionOpportunityDTO();
        d.opportunityId = e.opportunityId;
        d.name = e.name;
        d.stage = e.stage;
        d.category = Category.valueOf(e.category);
        d.amount = scaled(e.amount);
        d.probability = e.probability;
        d.currency = e.currency;
        d.expectedCloseDate = e.closeDate;
        return d;
    }

    /** A stored decimal without its column's padding, at least to cents: 2.5000 → 2.50. */
    static BigDecimal scaled(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped;
    }
}
