package org.tessera.crm.forecasting.impl.sales;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.forecasting.api.Category;
import org.tessera.crm.forecasting.api.RevisionOpportunityDTO;
import org.tessera.crm.forecasting.impl.service.OpportunitySource;
import org.tessera.crm.sales.api.ForecastOpportunityDTO;
import org.tessera.crm.sales.api.ForecastSliceQuery;
import org.tessera.crm.sales.api.OpportunityForecastReader;
import org.tessera.crm.sales.api.OpportunityHistoryDTO;

/**
 * Forecasting's opportunities, read through the sales API. The only class of the bundle that names
 * sales types: it is created only while sales' reader is there (its reference is mandatory), and
 * the bundle imports the sales API optionally, so that sales can leave while forecasting stays.
 */
@Component(service = OpportunitySource.class)
public class SalesOpportunitySource implements OpportunitySource {
    private final OpportunityForecastReader reader;

    @Activate
    public SalesOpportunitySource(@Reference OpportunityForecastReader reader) {
        this.reader = reader;
    }

    @Override
    public List<OwnerTotal> totals(Slice slice) {
        return reader.totals(query(slice)).stream().map(t -> new OwnerTotal(t.ownerId, Category.valueOf(t.forecastCategory.name()),
                t.currency, t.count, t.amount, t.weightedAmount)).toList();
    }

    @Override
    public List<RevisionOpportunityDTO> opportunities(Slice slice) {
        return reader.opportunities(query(slice)).stream().map(SalesOpportunitySource::deal).toList();
    }

    @Override
    public List<DealChange> changesSince(Slice slice, Instant since) {
        return reader.changesSince(query(slice), since).stream()
                .map(h -> new DealChange(h.changedAt, h.changedBy, deal(h))).toList();
    }

    private static ForecastSliceQuery query(Slice slice) {
        ForecastSliceQuery query = new ForecastSliceQuery();
        query.ownerIds = new LinkedHashSet<>(slice.owners());
        query.closeFrom = slice.from();
        query.closeTo = slice.to();
        return query;
    }

    private static RevisionOpportunityDTO deal(ForecastOpportunityDTO o) {
        RevisionOpportunityDTO d = new RevisionOpportunityDTO();
        d.opportunityId = o.id;
        d.name = o.name;
        d.stage = o.stage;
        d.category = Category.valueOf(o.forecastCategory.name());
        d.amount = o.amount;
        d.probability = o.probability;
        d.currency = o.currency;
        d.expectedCloseDate = o.expectedCloseDate;
        return d;
    }

    private static RevisionOpportunityDTO deal(OpportunityHistoryDTO h) {
        RevisionOpportunityDTO d = new RevisionOpportunityDTO();
        d.opportunityId = h.opportunityId;
        d.stage = h.stage;
        d.category = Category.valueOf(h.forecastCategory.name());
        d.amount = h.amount;
        d.probability = h.probability;
        d.currency = h.currency;
        d.expectedCloseDate = h.expectedCloseDate;
        return d;
    }
}
