package org.tessera.crm.sales.impl.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.sales.api.ForecastCategory;
import org.tessera.crm.sales.api.ForecastOpportunityDTO;
import org.tessera.crm.sales.api.ForecastSliceQuery;
import org.tessera.crm.sales.api.ForecastTotalDTO;
import org.tessera.crm.sales.api.OpportunityForecastReader;
import org.tessera.crm.sales.api.OpportunityHistoryDTO;
import org.tessera.crm.sales.impl.entity.OpportunityHistoryEntity;
import org.tessera.crm.sales.impl.jpa.SalesUnit;
import org.tessera.crm.sales.impl.rules.Money;

/**
 * The forecasting reads: totals by owner, category and currency (from the forecast summary for
 * whole months, else grouped from the deals), or the few forecast columns of each deal, never
 * whole records. The per-deal reads are served by the index on owner and close date.
 */
@Component(service = OpportunityForecastReader.class)
public class OpportunityForecastReaderImpl implements OpportunityForecastReader {
    /** Owners and both bounds of the close date are required: a slice is always one period. */
    private static final String SLICE = "o.ownerId IN :owners AND o.expectedCloseDate >= :closeFrom AND o.expectedCloseDate <= :closeTo";
    private final Tx tx;

    @Activate
    public OpportunityForecastReaderImpl(@Reference(target = SalesUnit.TX) Tx tx) {
        this.tx = tx;
    }

    /**
     * A slice of whole months (every forecast period is) is summed from the forecast summary
     * ({@link ForecastTotals}), a few rows per owner; any other slice from the deals themselves.
     */
    @Override
    public List<ForecastTotalDTO> totals(ForecastSliceQuery slice) {
        List<Long> owners = owners(slice);
        if (owners.isEmpty() || slice.closeFrom == null || slice.closeTo == null) {
            return List.of();
        }
        List<Object[]> rows = tx.required(em -> wholeMonths(slice)
                ? summaryTotals(em, owners, slice.closeFrom, slice.closeTo)
                : em.createQuery("SELECT o.ownerId, o.forecastCategory, o.currency, COUNT(o.id), "
                        + "SUM(o.amount), SUM(o.amount * o.probability) FROM OpportunityEntity o WHERE " + SLICE
                        + " GROUP BY o.ownerId, o.forecastCategory, o.currency", Object[].class)
                        .setParameter("owners", owners).setParameter("closeFrom", slice.closeFrom).setParameter("closeTo", slice.closeTo)
                        .getResultList());
        List<ForecastTotalDTO> totals = new ArrayList<>();
        for (Object[] r : rows) {
            ForecastTotalDTO t = new ForecastTotalDTO();
            t.ownerId = Ids.format(((Number) r[0]).longValue());
            t.forecastCategory = ForecastCategory.valueOf((String) r[1]);
            t.currency = (String) r[2];
            t.count = ((Number) r[3]).longValue();
            BigDecimal amount = decimal(r[4]);
            t.amount = Money.round(amount, t.currency);
            t.weightedAmount = Money.round(decimal(r[5]).movePointLeft(2), t.currency);
            totals.add(t);
        }
        return totals;
    }

    static boolean wholeMonths(ForecastSliceQuery slice) {
        return slice.closeFrom.getDayOfMonth() == 1 && slice.closeTo.plusDays(1).getDayOfMonth() == 1 && !slice.closeTo.isBefore(slice.closeFrom);
    }

    /** The summary's rows of the owners and months, summed per owner, category and currency; owners in chunks that keep IN lists short. */
    private static List<Object[]> summaryTotals(EntityManager em, List<Long> owners, LocalDate from, LocalDate to) {
        Connection connection = em.unwrap(Connection.class);
        List<Object[]> rows = new ArrayList<>();
        for (int start = 0; start < owners.size(); start += 500) {
            List<Long> chunk = owners.subList(start, Math.min(owners.size(), start + 500));
            String sql = "SELECT owner_id, forecast_category, currency, SUM(deal_count), SUM(amount_sum), SUM(weighted_sum) "
                    + "FROM sales_forecast_total WHERE owner_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                    + ") AND close_month >= ? AND close_month <= ? GROUP BY owner_id, forecast_category, currency HAVING SUM(deal_count) > 0";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                for (Long owner : chunk) {
                    statement.setLong(i++, owner);
                }
                statement.setObject(i++, java.sql.Date.valueOf(from));
                statement.setObject(i, java.sql.Date.valueOf(to));
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        String currency = r.getString(3);
                        rows.add(new Object[] {r.getLong(1), r.getString(2), currency.isEmpty() ? null : currency, r.getLong(4),
                                r.getBigDecimal(5), r.getBigDecimal(6)});
                    }
                }
            } catch (SQLException e) {
                throw new PersistenceException("could not read the forecast totals", e);
            }
        }
        return rows;
    }

    @Override
    public List<ForecastOpportunityDTO> opportunities(ForecastSliceQuery slice) {
        List<Long> owners = owners(slice);
        if (owners.isEmpty() || slice.closeFrom == null || slice.closeTo == null) {
            return List.of();
        }
        List<Object[]> rows = tx.required(em -> em.createQuery("SELECT o.id, o.name, o.ownerId, o.stage, o.forecastCategory, "
                + "o.amount, o.probability, o.currency, o.expectedCloseDate FROM OpportunityEntity o WHERE " + SLICE
                + " ORDER BY o.ownerId, o.id", Object[].class)
                .setParameter("owners", owners).setParameter("closeFrom", slice.closeFrom).setParameter("closeTo", slice.closeTo)
                .getResultList());
        List<ForecastOpportunityDTO> found = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            ForecastOpportunityDTO o = new ForecastOpportunityDTO();
            o.id = Ids.format((Long) r[0]);
            o.name = (String) r[1];
            o.ownerId = Ids.format((Long) r[2]);
            o.stage = (String) r[3];
            o.forecastCategory = ForecastCategory.valueOf((String) r[4]);
            o.currency = (String) r[7];
            o.amount = r[5] == null ? null : Money.round((BigDecimal) r[5], o.currency);
            o.probability = ((Number) r[6]).intValue();
            o.expectedCloseDate = (java.time.LocalDate) r[8];
            found.add(o);
        }
        return found;
    }

    @Override
    public List<OpportunityHistoryDTO> changesSince(ForecastSliceQuery slice, Instant since) {
        List<Long> owners = owners(slice);
        if (owners.isEmpty() || slice.closeFrom == null || slice.closeTo == null) {
            return List.of();
        }
        return tx.required(em -> {
            List<OpportunityHistoryEntity> recent = em.createQuery("SELECT h FROM OpportunityHistoryEntity h, OpportunityEntity o "
                    + "WHERE h.opportunityId = o.id AND " + SLICE + " AND h.changedAt > :since ORDER BY h.changedAt, h.id",
                    OpportunityHistoryEntity.class)
                    .setParameter("owners", owners).setParameter("closeFrom", slice.closeFrom).setParameter("closeTo", slice.closeTo)
                    .setParameter("since", since).getResultList();
            List<Long> changed = recent.stream().map(h -> h.opportunityId).distinct().toList();
            List<OpportunityHistoryEntity> all = new ArrayList<>();
            // the state each changed deal was in before the window, in chunks that keep IN lists short
            for (int from = 0; from < changed.size(); from += 500) {
                all.addAll(em.createQuery("SELECT h FROM OpportunityHistoryEntity h WHERE h.opportunityId IN :ids AND h.id = "
                        + "(SELECT MAX(p.id) FROM OpportunityHistoryEntity p WHERE p.opportunityId = h.opportunityId AND p.changedAt <= :since)",
                        OpportunityHistoryEntity.class).setParameter("ids", changed.subList(from, Math.min(changed.size(), from + 500)))
                        .setParameter("since", since).getResultList());
            }
            all.addAll(recent);
            return all.stream().map(OpportunityMapper::toDto).toList();
        });
    }

    /** Owner ids as keys; a malformed one can own nothing and is left out. */
    private static List<Long> owners(ForecastSliceQuery slice) {
        return slice.ownerIds.stream().map(Ids::parse).flatMap(Optional::stream).distinct().toList();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
