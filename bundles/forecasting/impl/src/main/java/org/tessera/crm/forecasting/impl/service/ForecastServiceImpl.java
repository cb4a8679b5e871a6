package org.tessera.crm.forecasting.impl.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.forecasting.api.AdjustmentDTO;
import org.tessera.crm.forecasting.api.ForecastDTO;
import org.tessera.crm.forecasting.api.ForecastQuery;
import org.tessera.crm.forecasting.api.ForecastService;
import org.tessera.crm.forecasting.api.ForecastingEntityTypes;
import org.tessera.crm.forecasting.api.ForecastingTopics;
import org.tessera.crm.forecasting.api.OpportunityDeltaDTO;
import org.tessera.crm.forecasting.api.PeriodDTO;
import org.tessera.crm.forecasting.api.PeriodStatus;
import org.tessera.crm.forecasting.api.PositionDTO;
import org.tessera.crm.forecasting.api.RevisionDTO;
import org.tessera.crm.forecasting.api.RevisionOpportunityDTO;
import org.tessera.crm.forecasting.impl.entity.AdjustmentEntity;
import org.tessera.crm.forecasting.impl.entity.PeriodEntity;
import org.tessera.crm.forecasting.impl.entity.RevisionEntity;
import org.tessera.crm.forecasting.impl.entity.RevisionLineEntity;
import org.tessera.crm.forecasting.impl.entity.RevisionOpportunityEntity;
import org.tessera.crm.forecasting.impl.rules.AdjustmentLayers;
import org.tessera.crm.forecasting.impl.rules.Lines;
import org.tessera.crm.forecasting.impl.rules.RevisionDeltas;
import org.tessera.crm.forecasting.impl.rules.Rollup;

/**
 * Worksheets, adjustments, submits and revisions. Opportunities are read through the sales API
 * only ({@link SalesGate}); every mutation is audited, and submits post their event after commit.
 */
@Component(service = ForecastService.class)
public class ForecastServiceImpl implements ForecastService {
    private final Tx tx;
    private final PositionDirectory directory;
    private final SalesGate sales;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ForecastServiceImpl(@Reference(target = ForecastingUnit.TX) Tx tx, @Reference PositionDirectory directory,
            @Reference SalesGate sales, @Reference DomainEventPublisher events, @Reference AuditRecorder recorder) {
        this.tx = tx;
        this.directory = directory;
        this.sales = sales;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(recorder);
    }

    @Override
    public ForecastDTO forecast(ForecastQuery query) {
        OpportunitySource reader = sales.source();
        FieldErrors errors = new FieldErrors();
        Long periodKey = Checks.id("periodId", query.periodId, errors);
        Rollup.Source source = sourceOrDefault(source("rollupSource", query.rollupSource, errors));
        String currency = query.currency == null ? null : Checks.currency("currency", query.currency, errors);
        errors.throwIfAny();
        boolean cumulative = query.cumulative == null ? directory.config().cumulative() : query.cumulative;
        return tx.required(em -> {
            HierarchyView view = directory.view(em);
            PositionDTO position = view.target(query.positionId);
            PeriodDTO period = PeriodMapper.toDto(PeriodMapper.existing(em, periodKey, "periodId"));
            Worksheets.Computed computed = Worksheets.compute(em, reader, new Worksheets.Request(view, position, period, source,
                    cumulative, currency, view.viewer()));
            ForecastDTO dto = computed.dto();
            RevisionEntity last = lastRevision(em, Long.parseLong(position.id), periodKey);
            dto.lastRevision = last == null ? 0 : last.revision;
            // what a submit would freeze is the holder's own view per currency: the one just computed when the holder asks
            Lines submittable = position.id.equals(view.viewer()) && currency == null ? computed.result().total()
                    : last == null ? null : Worksheets.compute(em, reader, new Worksheets.Request(view, position, period, source, false,
                            null, position.id)).result().total();
            dto.changedSinceSubmit = last == null || !sameTotals(em, last, submittable);
            return dto;
        });
    }

    /** Whether {@code now} (the holder's own view) equals what the position last submitted, forecast figure by figure. */
    private static boolean sameTotals(EntityManager em, RevisionEntity last, Lines now) {
        Map<String, java.math.BigDecimal> was = new HashMap<>();
        lines(em, List.of(last.id)).stream().filter(l -> RevisionMapper.TOTAL.equals(l.part))
                .forEach(l -> was.put(l.category + "/" + l.currency, l.forecast));
        Map<String, java.math.BigDecimal> is = new HashMap<>();
        now.asMap().forEach((k, f) -> is.put(k.category() + "/" + k.currency(), f.forecast()));
        if (!was.keySet().equals(is.keySet())) {
            return false;
        }
        return was.entrySet().stream().allMatch(e -> e.getValue().compareTo(is.get(e.getKey())) == 0);
    }

    @Override
    public AdjustmentDTO adjust(AdjustmentDTO draft) {
        sales.source();
        FieldErrors errors = new FieldErrors();
        Checks.id("positionId", draft.positionId, errors);
        Long periodKey = Checks.id("periodId", draft.periodId, errors);
        errors.required("category", draft.category);
        String currency = Checks.currency("currency", draft.currency, errors);
        Checks.amount("amount", draft.amount, false, errors);
        errors.maxLength("note", draft.note, Checks.NOTE_MAX);
        errors.throwIfAny();
        return tx.required(em -> {
            HierarchyView view = directory.view(em);
            PositionDTO position = view.require(draft.positionId);
            String author = view.author();
            if (!view.hierarchy().isAtOrBelow(position.id, author)) {
                throw new ForbiddenException("positionId", "only the position's owner and the managers above it adjust its forecast");
            }
            PeriodEntity period = open(em, periodKey);
            Long positionKey = Long.valueOf(position.id);
            List<AdjustmentEntity> found = em.createQuery("SELECT a FROM AdjustmentEntity a WHERE a.positionId = :position "
                    + "AND a.periodId = :period AND a.category = :category AND a.currency = :currency AND a.authorPositionId = :author",
                    AdjustmentEntity.class).setParameter("position", positionKey).setParameter("period", period.id)
                    .setParameter("category", draft.category.name()).setParameter("currency", currency)
                    .setParameter("author", Long.valueOf(author)).getResultList();
            AdjustmentEntity entity = found.isEmpty() ? new AdjustmentEntity() : found.get(0);
            AdjustmentDTO before = found.isEmpty() ? null : AdjustmentMapper.toDto(entity);
            entity.positionId = positionKey;
            entity.periodId = period.id;
            entity.category = draft.category.name();
            entity.currency = currency;
            entity.amount = draft.amount;
            entity.note = draft.note == null || draft.note.isBlank() ? null : draft.note.strip();
            entity.authorPositionId = Long.valueOf(author);
            entity.authorLogin = view.login();
            entity.adjustedAt = clock.instant();
            if (found.isEmpty()) {
                em.persist(entity);
            }
            em.flush();
            AdjustmentDTO after = AdjustmentMapper.toDto(entity);
            if (before == null) {
                audit.created(em, ForecastingEntityTypes.ADJUSTMENT, after.id, after);
            } else {
                audit.updated(em, ForecastingEntityTypes.ADJUSTMENT, after.id, before, after);
            }
            return after;
        });
    }

    @Override
    public List<AdjustmentDTO> adjustments(String positionId, String periodId) {
        sales.source();
        FieldErrors errors = new FieldErrors();
        Checks.id("positionId", positionId, errors);
        Long periodKey = Checks.id("periodId", periodId, errors);
        errors.throwIfAny();
        return tx.required(em -> {
            HierarchyView view = directory.view(em);
            PositionDTO position = view.require(positionId);
            AdjustmentLayers layers = new AdjustmentLayers(view.hierarchy(), view.viewer());
            return em.createQuery("SELECT a FROM AdjustmentEntity a WHERE a.positionId = :position AND a.periodId = :period ORDER BY a.id",
                    AdjustmentEntity.class).setParameter("position", Long.valueOf(position.id)).setParameter("period", periodKey)
                    .getResultList().stream()
                    .filter(a -> layers.visible(new org.tessera.crm.forecasting.impl.rules.Adjustment(position.id, Ids.format(a.authorPositionId), null, a.amount)))
                    .map(AdjustmentMapper::toDto).toList();
        });
    }

    @Override
    public RevisionDTO submit(String positionId, String periodId, String rollupSource) {
        OpportunitySource reader = sales.source();
        FieldErrors errors = new FieldErrors();
        Long periodKey = Checks.id("periodId", periodId, errors);
        Rollup.Source source = sourceOrDefault(source("rollupSource", rollupSource, errors));
        errors.throwIfAny();
        Submitted submitted = tx.required(em -> {
            HierarchyView view = directory.view(em);
            PositionDTO position = view.target(positionId);
            if (!view.unrestricted() && !position.id.equals(view.callerPosition())) {
                throw new ForbiddenException("positionId", "a forecast is submitted by the holder of its position");
            }
            PeriodEntity periodEntity = open(em, periodKey);
            PeriodDTO period = PeriodMapper.toDto(periodEntity);
            // the submitter's own view: a manager's adjustment of this position stays out of what it submits
            Rollup.Result result = Worksheets.compute(em, reader, new Worksheets.Request(view, position, period, source, false, null,
                    position.id)).result();
            long positionKey = Long.parseLong(position.id);
            RevisionEntity last = lastRevision(em, positionKey, periodKey);
            RevisionEntity revision = new RevisionEntity();
            revision.positionId = positionKey;
            revision.periodId = periodKey;
            revision.revision = last == null ? 1 : last.revision + 1;
            revision.submittedAt = clock.instant();
            revision.submittedBy = view.login();
            revision.rollupSource = source.name();
            em.persist(revision);
            em.flush();
            List<RevisionLineEntity> lines = new ArrayList<>();
            result.own().asMap().forEach((k, f) -> lines.add(RevisionMapper.line(revision.id, RevisionMapper.OWN, k, f)));
            result.rollup().asMap().forEach((k, f) -> lines.add(RevisionMapper.line(revision.id, RevisionMapper.ROLLUP, k, f)));
            result.total().asMap().forEach((k, f) -> lines.add(RevisionMapper.line(revision.id, RevisionMapper.TOTAL, k, f)));
            lines.forEach(em::persist);
            OpportunitySource.Slice slice = new OpportunitySource.Slice(java.util.Set.of(position.agentId), period.startDate, period.endDate);
            List<RevisionOpportunityEntity> opportunities = new ArrayList<>();
            for (RevisionOpportunityDTO o : reader.opportunities(slice)) {
                RevisionOpportunityEntity row = RevisionMapper.opportunity(revision.id, o);
                opportunities.add(row);
                em.persist(row);
            }
            em.flush();
            RevisionDTO dto = RevisionMapper.toDto(revision, lines, opportunities);
            if (last != null) {
                dto.deltas = RevisionDeltas.between(opportunities(em, last.id), dto.opportunities);
            }
            audit.created(em, ForecastingEntityTypes.REVISION, dto.id, summary(dto));
            String manager = view.hierarchy().managerOf(position.id).orElse(null);
            Submitted done = new Submitted(dto, manager, manager == null ? null : view.positions().get(manager).agentId);
            events.record(em, ForecastingTopics.SUBMITTED, submittedEvent(done));
            return done;
        });
        return submitted.revision();
    }

    private static Map<String, Object> submittedEvent(Submitted submitted) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(ForecastingTopics.POSITION_ID, submitted.revision().positionId);
        extra.put(ForecastingTopics.PERIOD_ID, submitted.revision().periodId);
        extra.put(ForecastingTopics.REVISION, submitted.revision().revision);
        if (submitted.manager() != null) {
            extra.put(ForecastingTopics.MANAGER_POSITION_ID, submitted.manager());
            extra.put(ForecastingTopics.MANAGER_AGENT_ID, submitted.managerAgent());
        }
        return EventProperties.of(ForecastingEntityTypes.REVISION, submitted.revision().id, 0L, List.of(), extra);
    }

    private record Submitted(RevisionDTO revision, String manager, String managerAgent) {
    }

    /** What the audit keeps of a revision: who, which, and its total lines (the opportunities stay in the revision). */
    private static Map<String, Object> summary(RevisionDTO dto) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("positionId", dto.positionId);
        summary.put("periodId", dto.periodId);
        summary.put("revision", dto.revision);
        summary.put("rollupSource", dto.rollupSource);
        summary.put("opportunities", dto.opportunities.size());
        dto.total.forEach(l -> summary.put("total." + l.category + "." + l.currency, l.forecastAmount));
        return summary;
    }

    @Override
    public List<RevisionDTO> revisions(String positionId, String periodId) {
        FieldErrors errors = new FieldErrors();
        Long periodKey = Checks.id("periodId", periodId, errors);
        errors.throwIfAny();
        sales.source();
        return tx.required(em -> {
            HierarchyView view = directory.view(em);
            PositionDTO position = view.target(positionId);
            List<RevisionEntity> all = em.createQuery("SELECT r FROM RevisionEntity r WHERE r.positionId = :position AND r.periodId = :period "
                    + "ORDER BY r.revision", RevisionEntity.class).setParameter("position", Long.valueOf(position.id))
                    .setParameter("period", periodKey).getResultList();
            List<Long> ids = all.stream().map(r -> r.id).toList();
            Map<Long, List<RevisionLineEntity>> lines = new HashMap<>();
            Map<Long, List<RevisionOpportunityEntity>> opportunities = new HashMap<>();
            if (!ids.isEmpty()) {
                lines(em, ids).forEach(l -> lines.computeIfAbsent(l.revisionId, k -> new ArrayList<>()).add(l));
                em.createQuery("SELECT o FROM RevisionOpportunityEntity o WHERE o.revisionId IN :ids ORDER BY o.id", RevisionOpportunityEntity.class)
                        .setParameter("ids", ids).getResultList()
                        .forEach(o -> opportunities.computeIfAbsent(o.revisionId, k -> new ArrayList<>()).add(o));
            }
            List<RevisionDTO> out = new ArrayList<>();
            List<RevisionOpportunityDTO> previous = null;
            for (RevisionEntity r : all) {
                RevisionDTO dto = RevisionMapper.toDto(r, lines.getOrDefault(r.id, List.of()), opportunities.getOrDefault(r.id, List.of()));
                if (previous != null) {
                    dto.deltas = RevisionDeltas.between(previous, dto.opportunities);
                }
                previous = dto.opportunities;
                out.add(0, dto);
            }
            return out;
        });
    }

    @Override
    public RevisionDTO revision(String positionId, String periodId, int revision) {
        return revisions(positionId, periodId).stream().filter(r -> r.revision == revision).findFirst()
                .orElseThrow(() -> new NotFoundException(ForecastingEntityTypes.REVISION, String.valueOf(revision)));
    }

    @Override
    public List<OpportunityDeltaDTO> changes(String positionId, String periodId, Instant since) {
        OpportunitySource reader = sales.source();
        FieldErrors errors = new FieldErrors();
        Long periodKey = Checks.id("periodId", periodId, errors);
        errors.throwIfAny();
        Instant from = since == null ? clock.instant().minus(java.time.Duration.ofDays(7)) : since;
        return tx.required(em -> {
            HierarchyView view = directory.view(em);
            PositionDTO position = view.target(positionId);
            PeriodDTO period = PeriodMapper.toDto(PeriodMapper.existing(em, periodKey, "periodId"));
            java.util.Set<String> owners = new java.util.LinkedHashSet<>();
            view.hierarchy().subtree(position.id).forEach(id -> owners.add(view.positions().get(id).agentId));
            return changes(reader.changesSince(new OpportunitySource.Slice(owners, period.startDate, period.endDate), from), from);
        });
    }

    /** One delta per opportunity: from its state before {@code since} (if it had one) to its last one. */
    static List<OpportunityDeltaDTO> changes(List<OpportunitySource.DealChange> history, Instant since) {
        Map<String, OpportunitySource.DealChange> before = new HashMap<>();
        Map<String, OpportunitySource.DealChange> after = new LinkedHashMap<>();
        for (OpportunitySource.DealChange h : history) {
            (h.changedAt().isAfter(since) ? after : before).put(h.state().opportunityId, h);
        }
        List<OpportunityDeltaDTO> deltas = new ArrayList<>();
        after.forEach((id, now) -> {
            RevisionOpportunityDTO was = before.containsKey(id) ? before.get(id).state() : null;
            RevisionOpportunityDTO is = now.state();
            if (was != null && RevisionDeltas.between(List.of(was), List.of(is)).isEmpty()) {
                return; // only the probability or the stage within a category moved
            }
            OpportunityDeltaDTO d = RevisionDeltas.delta(was == null ? RevisionDeltas.ADDED : RevisionDeltas.CHANGED, was, is);
            d.changedAt = now.changedAt();
            d.changedBy = now.changedBy();
            deltas.add(d);
        });
        deltas.sort(Comparator.comparing((OpportunityDeltaDTO d) -> d.changedAt).reversed());
        return deltas;
    }

    private static Rollup.Source source(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Rollup.Source.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.invalid(field, "must be SUBMITTED or LIVE");
            return null;
        }
    }

    private Rollup.Source sourceOrDefault(Rollup.Source given) {
        return given != null ? given : "LIVE".equalsIgnoreCase(directory.config().rollupSource()) ? Rollup.Source.LIVE : Rollup.Source.SUBMITTED;
    }

    /** The period, open. @throws ConflictException when it is locked */
    private static PeriodEntity open(EntityManager em, Long key) {
        PeriodEntity period = PeriodMapper.existing(em, key, "periodId");
        if (PeriodStatus.CLOSED.name().equals(period.status)) {
            throw new ConflictException("periodId", "period " + period.name + " is locked: its forecasts take no more submits or adjustments");
        }
        return period;
    }

    private static RevisionEntity lastRevision(EntityManager em, long position, long period) {
        List<RevisionEntity> found = em.createQuery("SELECT r FROM RevisionEntity r WHERE r.positionId = :position AND r.periodId = :period "
                + "ORDER BY r.revision DESC", RevisionEntity.class).setParameter("position", position).setParameter("period", period)
                .setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<RevisionLineEntity> lines(EntityManager em, List<Long> revisions) {
        return em.createQuery("SELECT l FROM RevisionLineEntity l WHERE l.revisionId IN :ids ORDER BY l.id", RevisionLineEntity.class)
                .setParameter("ids", revisions).getResultList();
    }

    private static List<RevisionOpportunityDTO> opportunities(EntityManager em, long revision) {
        return em.createQuery("SELECT o FROM RevisionOpportunityEntity o WHERE o.revisionId = :id ORDER BY o.id", RevisionOpportunityEntity.class)
                .setParameter("id", revision).getResultList().stream().map(RevisionMapper::toDto).toList();
    }
}
