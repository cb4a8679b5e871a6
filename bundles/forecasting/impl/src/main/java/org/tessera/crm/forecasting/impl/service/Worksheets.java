package org.tessera.crm.forecasting.impl.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.forecasting.api.AdjustmentDTO;
import org.tessera.crm.forecasting.api.ForecastDTO;
import org.tessera.crm.forecasting.api.ForecastLineDTO;
import org.tessera.crm.forecasting.api.PeriodDTO;
import org.tessera.crm.forecasting.api.PositionDTO;
import org.tessera.crm.forecasting.api.QuotaFiguresDTO;
import org.tessera.crm.forecasting.api.SubordinateForecastDTO;
import org.tessera.crm.forecasting.impl.entity.AdjustmentEntity;
import org.tessera.crm.forecasting.impl.entity.ExchangeRateEntity;
import org.tessera.crm.forecasting.impl.entity.QuotaEntity;
import org.tessera.crm.forecasting.impl.entity.RevisionEntity;
import org.tessera.crm.forecasting.impl.entity.RevisionLineEntity;
import org.tessera.crm.forecasting.impl.rules.Adjustment;
import org.tessera.crm.forecasting.impl.rules.Figures;
import org.tessera.crm.forecasting.impl.rules.LineKey;
import org.tessera.crm.forecasting.impl.rules.Lines;
import org.tessera.crm.forecasting.impl.rules.QuotaMath;
import org.tessera.crm.forecasting.impl.rules.Rates;
import org.tessera.crm.forecasting.impl.rules.Rollup;
import org.tessera.crm.forecasting.api.Category;

/**
 * Builds a position's forecast for a period: one grouped read of the opportunities of the whole
 * subtree from sales, one read each of its adjustments, last revisions and quotas, then the
 * rules ({@link Rollup}) in memory. The number of queries does not grow with the hierarchy.
 */
final class Worksheets {
    /** What a worksheet is computed with. */
    record Request(HierarchyView view, PositionDTO position, PeriodDTO period, Rollup.Source source, boolean cumulative,
            String currency, String viewer) {
    }

    /** The computed forecast and the non-cumulative total it shows (what a submit freezes). */
    record Computed(ForecastDTO dto, Rollup.Result result) {
    }

    private Worksheets() {
    }

    static Computed compute(EntityManager em, OpportunitySource source, Request request) {
        HierarchyView view = request.view();
        String top = request.position().id;
        List<String> subtree = view.hierarchy().subtree(top);
        Map<String, String> positionOfAgent = new HashMap<>();
        for (String id : subtree) {
            positionOfAgent.put(view.positions().get(id).agentId, id);
        }
        OpportunitySource.Slice slice = new OpportunitySource.Slice(positionOfAgent.keySet(), request.period().startDate,
                request.period().endDate);
        Converter converter = new Converter(request.currency(), request.period(), request.currency() == null ? List.of() : rates(em));

        Map<String, Lines> own = new HashMap<>();
        for (OpportunitySource.OwnerTotal t : source.totals(slice)) {
            String position = positionOfAgent.get(t.ownerId());
            if (position != null) {
                converter.add(own.computeIfAbsent(position, p -> Lines.empty()), new LineKey(t.category(), t.currency()),
                        Figures.computed(t.count(), t.amount(), t.weighted()));
            }
        }
        List<Long> keys = subtree.stream().map(Long::valueOf).toList();
        long periodKey = Long.parseLong(request.period().id);
        List<AdjustmentEntity> adjustmentRows = adjustments(em, periodKey, keys);
        List<Adjustment> adjustments = new ArrayList<>();
        for (AdjustmentEntity a : adjustmentRows) {
            BigDecimal amount = converter.amount(a.currency, a.amount);
            if (amount != null) {
                adjustments.add(new Adjustment(Ids.format(a.positionId), Ids.format(a.authorPositionId),
                        new LineKey(Category.valueOf(a.category), converter.target(a.currency)), amount));
            }
        }
        Map<String, Rollup.Submitted> submitted = new HashMap<>();
        if (request.source() == Rollup.Source.SUBMITTED) {
            latestTotals(em, periodKey, keys).forEach((position, last) -> {
                Lines lines = Lines.empty();
                last.total().asMap().forEach((key, figures) -> converter.add(lines, key, figures));
                submitted.put(position, new Rollup.Submitted(last.revision(), lines));
            });
        }
        Rollup rollup = new Rollup(view.hierarchy(), own, submitted, adjustments, request.viewer(), request.source());
        Rollup.Result result = rollup.of(top);

        ForecastDTO dto = new ForecastDTO();
        dto.position = request.position();
        dto.period = request.period();
        dto.rollupSource = request.source().name();
        dto.cumulative = request.cumulative();
        dto.currency = request.currency();
        dto.own = lines(result.own(), request.cumulative(), converter);
        dto.rollup = lines(result.rollup(), request.cumulative(), converter);
        dto.total = lines(result.total(), request.cumulative(), converter);
        Map<String, List<QuotaEntity>> quotas = quotas(em, periodKey, keys);
        dto.quotas = quotaFigures(view, top, result.total(), quotas, converter);
        for (Rollup.Contribution c : result.contributions()) {
            SubordinateForecastDTO s = new SubordinateForecastDTO();
            s.positionId = c.positionId();
            s.name = view.positions().get(c.positionId()).name;
            s.source = c.source().name();
            s.revision = c.revision();
            s.lines = lines(c.lines(), request.cumulative(), converter);
            s.quotas = quotaFigures(view, c.positionId(), c.lines(), quotas, converter);
            dto.subordinates.add(s);
        }
        for (AdjustmentEntity a : adjustmentRows) {
            Adjustment rule = new Adjustment(Ids.format(a.positionId), Ids.format(a.authorPositionId), null, a.amount);
            if (rule.positionId().equals(top) && rollup.layers().visible(rule)) {
                dto.adjustments.add(AdjustmentMapper.toDto(a));
            }
        }
        dto.missingRates = converter.missing;
        return new Computed(dto, result);
    }

    private static List<ForecastLineDTO> lines(Lines lines, boolean cumulative, Converter converter) {
        Lines shown = cumulative ? lines.cumulative() : lines;
        List<ForecastLineDTO> out = new ArrayList<>();
        shown.asMap().forEach((key, f) -> out.add(line(key, f, converter.converting())));
        return out;
    }

    static ForecastLineDTO line(LineKey key, Figures f, boolean round) {
        ForecastLineDTO d = new ForecastLineDTO();
        d.category = key.category();
        d.currency = key.currency().isEmpty() ? null : key.currency();
        d.count = f.count();
        d.amount = money(f.amount(), round);
        d.weightedAmount = money(f.weighted(), round);
        d.forecastAmount = money(f.forecast(), round);
        d.adjustedAmount = f.adjusted() == null ? null : money(f.adjusted(), round);
        return d;
    }

    /** Converted amounts are rounded to cents; amounts of one currency keep the precision sales gave them. */
    private static BigDecimal money(BigDecimal value, boolean round) {
        return round ? value.setScale(2, RoundingMode.HALF_EVEN) : RevisionMapper.scaled(value);
    }

    private static List<QuotaFiguresDTO> quotaFigures(HierarchyView view, String position, Lines total,
            Map<String, List<QuotaEntity>> quotas, Converter converter) {
        Map<String, BigDecimal> own = new HashMap<>();
        for (QuotaEntity q : quotas.getOrDefault(position, List.of())) {
            BigDecimal amount = converter.amount(q.currency, q.amount);
            if (amount != null) {
                own.merge(converter.target(q.currency), amount, BigDecimal::add);
            }
        }
        Map<String, BigDecimal> below = new HashMap<>();
        for (String child : view.hierarchy().children(position)) {
            for (QuotaEntity q : quotas.getOrDefault(child, List.of())) {
                BigDecimal amount = converter.amount(q.currency, q.amount);
                if (amount != null) {
                    below.merge(converter.target(q.currency), amount, BigDecimal::add);
                }
            }
        }
        Set<String> currencies = new TreeSet<>(own.keySet());
        currencies.addAll(below.keySet());
        List<QuotaFiguresDTO> out = new ArrayList<>();
        for (String currency : currencies) {
            QuotaFiguresDTO f = QuotaMath.figures(currency, own.get(currency), below.getOrDefault(currency, BigDecimal.ZERO), total);
            boolean round = converter.converting();
            f.quota = f.quota == null ? null : money(f.quota, round);
            f.subordinatesQuota = money(f.subordinatesQuota, round);
            f.quotaGap = f.quotaGap == null ? null : money(f.quotaGap, round);
            f.closed = money(f.closed, round);
            f.openPipeline = money(f.openPipeline, round);
            out.add(f);
        }
        return out;
    }

    private static List<AdjustmentEntity> adjustments(EntityManager em, long period, Collection<Long> positions) {
        return em.createQuery("SELECT a FROM AdjustmentEntity a WHERE a.periodId = :period AND a.positionId IN :positions "
                + "ORDER BY a.id", AdjustmentEntity.class).setParameter("period", period).setParameter("positions", positions).getResultList();
    }

    private static Map<String, List<QuotaEntity>> quotas(EntityManager em, long period, Collection<Long> positions) {
        Map<String, List<QuotaEntity>> byPosition = new HashMap<>();
        em.createQuery("SELECT q FROM QuotaEntity q WHERE q.periodId = :period AND q.positionId IN :positions", QuotaEntity.class)
                .setParameter("period", period).setParameter("positions", positions).getResultList()
                .forEach(q -> byPosition.computeIfAbsent(Ids.format(q.positionId), k -> new ArrayList<>()).add(q));
        return byPosition;
    }

    /** Each position's last submitted revision for the period with its TOTAL lines: two queries. */
    static Map<String, Rollup.Submitted> latestTotals(EntityManager em, long period, Collection<Long> positions) {
        List<RevisionEntity> latest = em.createQuery("SELECT r FROM RevisionEntity r WHERE r.periodId = :period AND r.positionId IN :positions "
                + "AND r.revision = (SELECT MAX(x.revision) FROM RevisionEntity x WHERE x.periodId = r.periodId AND x.positionId = r.positionId)",
                RevisionEntity.class).setParameter("period", period).setParameter("positions", positions).getResultList();
        Map<String, Rollup.Submitted> out = new HashMap<>();
        if (latest.isEmpty()) {
            return out;
        }
        Map<Long, RevisionEntity> byId = new HashMap<>();
        latest.forEach(r -> byId.put(r.id, r));
        Map<Long, Lines> totals = new HashMap<>();
        List<Long> ids = new ArrayList<>(byId.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            em.createQuery("SELECT l FROM RevisionLineEntity l WHERE l.revisionId IN :ids AND l.part = 'TOTAL'", RevisionLineEntity.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500))).getResultList()
                    .forEach(l -> totals.computeIfAbsent(l.revisionId, k -> Lines.empty()).put(RevisionMapper.key(l), RevisionMapper.figures(l)));
        }
        byId.forEach((id, r) -> out.put(Ids.format(r.positionId), new Rollup.Submitted(r.revision, totals.getOrDefault(id, Lines.empty()))));
        return out;
    }

    private static List<Rates.Rate> rates(EntityManager em) {
        return em.createQuery("SELECT r FROM ExchangeRateEntity r", ExchangeRateEntity.class).getResultList().stream()
                .map(r -> new Rates.Rate(r.fromCurrency, r.toCurrency, r.rate, r.validFrom)).toList();
    }

    /** Converts amounts into the reporting currency at the period's end; without one, keeps each currency. */
    private static final class Converter {
        private final String currency;
        private final PeriodDTO period;
        private final Rates rates;
        final Set<String> missing = new TreeSet<>();

        Converter(String currency, PeriodDTO period, List<Rates.Rate> rates) {
            this.currency = currency;
            this.period = period;
            this.rates = new Rates(rates);
        }

        boolean converting() {
            return currency != null;
        }

        String target(String from) {
            return currency == null ? (from == null ? "" : from) : currency;
        }

        /** {@code amount} in the reporting currency, or {@code null} (and the currency noted) when no rate is known. */
        BigDecimal amount(String from, BigDecimal amount) {
            if (currency == null) {
                return amount;
            }
            BigDecimal rate = rate(from);
            return rate == null ? null : amount.multiply(rate);
        }

        void add(Lines lines, LineKey key, Figures figures) {
            if (currency == null) {
                lines.add(key, figures);
                return;
            }
            BigDecimal rate = rate(key.currency());
            if (rate != null) {
                lines.add(new LineKey(key.category(), currency), figures.times(rate));
            }
        }

        private BigDecimal rate(String from) {
            if (from == null || from.isEmpty()) {
                missing.add("(none)");
                return null;
            }
            BigDecimal rate = rates.rate(from, currency, period.endDate).orElse(null);
            if (rate == null) {
                missing.add(from);
            }
            return rate;
        }
    }
}
