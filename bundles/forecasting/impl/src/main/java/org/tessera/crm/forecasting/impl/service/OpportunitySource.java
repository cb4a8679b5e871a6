package org.tessera.crm.forecasting.impl.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.tessera.crm.forecasting.api.Category;
import org.tessera.crm.forecasting.api.RevisionOpportunityDTO;

/**
 * The opportunities forecasts are computed from, in forecasting's own types. Implemented over the
 * sales API by the one class that names sales types ({@code impl.sales}), so that nothing else of
 * the bundle needs the sales API's classes: forecasting resolves and answers 503 while sales is away.
 */
public interface OpportunitySource {

    /** The deals owned by one of {@code owners} (agent ids) closing from {@code from} to {@code to}, both inclusive. */
    record Slice(Set<String> owners, LocalDate from, LocalDate to) {
    }

    /** Count, amount and weighted amount of one owner's deals in one category and currency, summed by the database. */
    record OwnerTotal(String ownerId, Category category, String currency, long count, BigDecimal amount, BigDecimal weighted) {
    }

    /** A deal's forecast fields after a change at {@code changedAt}. */
    record DealChange(Instant changedAt, String changedBy, RevisionOpportunityDTO state) {
    }

    List<OwnerTotal> totals(Slice slice);

    List<RevisionOpportunityDTO> opportunities(Slice slice);

    /** The changes after {@code since}, each deal's preceded by its last state at or before it when it has one. */
    List<DealChange> changesSince(Slice slice, Instant since);
}
