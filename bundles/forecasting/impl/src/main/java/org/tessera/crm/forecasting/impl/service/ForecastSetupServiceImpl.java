package org.tessera.crm.forecasting.impl.service;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.api.DependentRecordsException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.forecasting.api.ExchangeRateDTO;
import org.tessera.crm.forecasting.api.ForecastSetupService;
import org.tessera.crm.forecasting.api.ForecastingEntityTypes;
import org.tessera.crm.forecasting.api.ForecastingTopics;
import org.tessera.crm.forecasting.api.PeriodDTO;
import org.tessera.crm.forecasting.api.PeriodGenerationDTO;
import org.tessera.crm.forecasting.api.PeriodStatus;
import org.tessera.crm.forecasting.api.PeriodType;
import org.tessera.crm.forecasting.api.PositionDTO;
import org.tessera.crm.forecasting.api.QuotaDTO;
import org.tessera.crm.forecasting.impl.entity.ExchangeRateEntity;
import org.tessera.crm.forecasting.impl.entity.PeriodEntity;
import org.tessera.crm.forecasting.impl.entity.PositionEntity;
import org.tessera.crm.forecasting.impl.entity.QuotaEntity;
import org.tessera.crm.forecasting.impl.rules.FiscalPeriods;

/** Positions, periods, quotas and exchange rates. Every write is validated and audited. */
@Component(service = ForecastSetupService.class)
public class ForecastSetupServiceImpl implements ForecastSetupService {
    private final Tx tx;
    private final PositionDirectory directory;
    private final OrgService org;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ForecastSetupServiceImpl(@Reference(target = ForecastingUnit.TX) Tx tx, @Reference PositionDirectory directory,
            @Reference OrgService org, @Reference DomainEventPublisher events, @Reference AuditRecorder recorder) {
        this.tx = tx;
        this.directory = directory;
        this.org = org;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(recorder);
    }

    @Override
    public PositionDTO createPosition(PositionDTO draft) {
        PositionChecks.Fields fields = PositionChecks.check(draft, org);
        return tx.required(em -> {
            PositionChecks.checkStored(em, fields, null);
            PositionEntity entity = new PositionEntity();
            PositionMapper.apply(fields, entity);
            entity.createdAt = clock.instant();
            em.persist(entity);
            em.flush();
            PositionDTO created = PositionMapper.toDto(entity);
            audit.created(em, ForecastingEntityTypes.POSITION, created.id, created);
            // with its manager and level under the configured hierarchy
            return directory.view(em).positions().get(created.id);
        });
    }

    @Override
    public PositionDTO updatePosition(String id, Long expectedVersion, PositionDTO desired) {
        long key = Ids.of(ForecastingEntityTypes.POSITION, id);
        return tx.required(em -> {
            PositionEntity entity = PositionMapper.find(em, key, id);
            Versions.check(ForecastingEntityTypes.POSITION, id, expectedVersion, entity.version);
            PositionChecks.Fields fields = PositionChecks.check(desired, org);
            PositionChecks.checkStored(em, fields, key);
            PositionDTO before = PositionMapper.toDto(entity);
            // revisions, adjustments and quotas refer to the position, not to its agent: they stay with it
            PositionMapper.apply(fields, entity);
            em.flush();
            audit.updated(em, ForecastingEntityTypes.POSITION, id, before, PositionMapper.toDto(entity));
            return directory.view(em).positions().get(id);
        });
    }

    @Override
    public void deletePosition(String id, Long expectedVersion) {
        long key = Ids.of(ForecastingEntityTypes.POSITION, id);
        tx.required(em -> {
            PositionEntity entity = PositionMapper.find(em, key, id);
            Versions.check(ForecastingEntityTypes.POSITION, id, expectedVersion, entity.version);
            List<DependentRecordsDTO> dependents = PositionDependents.of(em, key);
            if (!dependents.isEmpty()) {
                throw new DependentRecordsException(ForecastingEntityTypes.POSITION, id, dependents);
            }
            PositionDTO before = PositionMapper.toDto(entity);
            em.remove(entity);
            em.flush();
            audit.deleted(em, ForecastingEntityTypes.POSITION, id, before);
            return null;
        });
    }

    @Override
    public PositionDTO position(String id) {
        return tx.required(em -> directory.view(em).require(id));
    }

    @Override
    public List<PositionDTO> positions() {
        return tx.required(em -> directory.view(em).visiblePositions());
    }

    @Override
    public PositionDTO myPosition() {
        return tx.required(em -> directory.view(em).target(null));
    }

    @Override
    public List<PeriodDTO> generatePeriods(PeriodGenerationDTO request) {
        FieldErrors errors = new FieldErrors();
        errors.required("fiscalYear", request.fiscalYear);
        if (request.fiscalYear != null && (request.fiscalYear < 1900 || request.fiscalYear > 9998)) {
            errors.invalid("fiscalYear", "must be from 1900 to 9998");
        }
        int startMonth = request.startMonth == null ? directory.config().fiscalYearStartMonth() : request.startMonth;
        if (startMonth < 1 || startMonth > 12) {
            errors.invalid(request.startMonth == null ? "fiscalYearStartMonth" : "startMonth", "must be from 1 to 12");
        }
        errors.throwIfAny();
        return tx.required(em -> {
            Set<String> existing = em.createQuery("SELECT p FROM PeriodEntity p WHERE p.fiscalYear = :year", PeriodEntity.class)
                    .setParameter("year", request.fiscalYear).getResultList().stream()
                    .map(p -> p.type + "/" + p.startDate).collect(Collectors.toSet());
            for (FiscalPeriods.Span span : FiscalPeriods.of(request.fiscalYear, startMonth)) {
                if (existing.contains(span.type() + "/" + span.start())) {
                    continue;
                }
                PeriodEntity entity = new PeriodEntity();
                entity.name = span.name();
                entity.type = span.type().name();
                entity.fiscalYear = request.fiscalYear;
                entity.startDate = span.start();
                entity.endDate = span.end();
                entity.status = PeriodStatus.OPEN.name();
                em.persist(entity);
                em.flush();
                PeriodDTO created = PeriodMapper.toDto(entity);
                audit.created(em, ForecastingEntityTypes.PERIOD, created.id, created);
            }
            return periods(em, request.fiscalYear, null);
        });
    }

    @Override
    public List<PeriodDTO> periods(Integer fiscalYear, PeriodType type) {
        return tx.required(em -> periods(em, fiscalYear, type));
    }

    private static List<PeriodDTO> periods(EntityManager em, Integer fiscalYear, PeriodType type) {
        return JpqlQuery.of("SELECT p FROM PeriodEntity p")
                .where("p.fiscalYear = :year", "year", fiscalYear)
                .where("p.type = :type", "type", type == null ? null : type.name())
                .create(em, "p.startDate, p.endDate DESC", PeriodEntity.class).getResultList().stream().map(PeriodMapper::toDto).toList();
    }

    @Override
    public PeriodDTO period(String id) {
        long key = Ids.of(ForecastingEntityTypes.PERIOD, id);
        return tx.required(em -> PeriodMapper.toDto(PeriodMapper.find(em, key, id)));
    }

    @Override
    public PeriodDTO lock(String periodId, Long expectedVersion) {
        return changeStatus(periodId, expectedVersion, PeriodStatus.CLOSED, ForecastingTopics.LOCKED);
    }

    @Override
    public PeriodDTO unlock(String periodId, Long expectedVersion) {
        return changeStatus(periodId, expectedVersion, PeriodStatus.OPEN, ForecastingTopics.UNLOCKED);
    }

    /** Locks ({@code CLOSED}) or reopens ({@code OPEN}) a period, audited, then posts {@code topic}. */
    private PeriodDTO changeStatus(String periodId, Long expectedVersion, PeriodStatus target, String topic) {
        long key = Ids.of(ForecastingEntityTypes.PERIOD, periodId);
        boolean locking = target == PeriodStatus.CLOSED;
        PeriodDTO changed = tx.required(em -> {
            PeriodEntity entity = PeriodMapper.find(em, key, periodId);
            Versions.check(ForecastingEntityTypes.PERIOD, periodId, expectedVersion, entity.version);
            if (target.name().equals(entity.status)) {
                throw new ConflictException("status", "period " + entity.name + (locking ? " is locked already" : " is open: there is nothing to unlock"));
            }
            PeriodDTO before = PeriodMapper.toDto(entity);
            entity.status = target.name();
            entity.lockedAt = locking ? clock.instant() : null;
            entity.lockedBy = locking ? directory.view(em).login() : null;
            em.flush();
            PeriodDTO after = PeriodMapper.toDto(entity);
            audit.updated(em, ForecastingEntityTypes.PERIOD, periodId, before, after);
            events.record(em, topic, EventProperties.of(ForecastingEntityTypes.PERIOD, after.id, after.version,
                    List.of("status", "lockedAt", "lockedBy"), Map.of(ForecastingTopics.PERIOD_ID, after.id)));
            return after;
        });
        return changed;
    }

    @Override
    public QuotaDTO putQuota(QuotaDTO quota) {
        FieldErrors errors = new FieldErrors();
        Checks.id("positionId", quota.positionId, errors);
        Long periodId = Checks.id("periodId", quota.periodId, errors);
        String currency = Checks.currency("currency", quota.currency, errors);
        Checks.amount("amount", quota.amount, false, errors);
        errors.throwIfAny();
        return tx.required(em -> {
            directory.view(em).require(quota.positionId);
            PeriodMapper.existing(em, periodId, "periodId");
            Long positionId = Long.valueOf(quota.positionId);
            List<QuotaEntity> found = em.createQuery("SELECT q FROM QuotaEntity q WHERE q.positionId = :position AND q.periodId = :period "
                    + "AND q.currency = :currency", QuotaEntity.class).setParameter("position", positionId).setParameter("period", periodId)
                    .setParameter("currency", currency).getResultList();
            QuotaEntity entity = found.isEmpty() ? new QuotaEntity() : found.get(0);
            QuotaDTO before = found.isEmpty() ? null : toDto(entity);
            entity.positionId = positionId;
            entity.periodId = periodId;
            entity.currency = currency;
            entity.amount = quota.amount;
            if (found.isEmpty()) {
                em.persist(entity);
            }
            em.flush();
            QuotaDTO after = toDto(entity);
            if (before == null) {
                audit.created(em, ForecastingEntityTypes.QUOTA, after.id, after);
            } else {
                audit.updated(em, ForecastingEntityTypes.QUOTA, after.id, before, after);
            }
            return after;
        });
    }

    @Override
    public List<QuotaDTO> quotas(String periodId) {
        FieldErrors errors = new FieldErrors();
        Long period = Checks.id("periodId", periodId, errors);
        errors.throwIfAny();
        return tx.required(em -> {
            HierarchyView view = directory.view(em);
            return em.createQuery("SELECT q FROM QuotaEntity q WHERE q.periodId = :period ORDER BY q.positionId, q.currency", QuotaEntity.class)
                    .setParameter("period", period).getResultList().stream()
                    .filter(q -> view.visible(Ids.format(q.positionId))).map(ForecastSetupServiceImpl::toDto).toList();
        });
    }

    @Override
    public ExchangeRateDTO putRate(ExchangeRateDTO rate) {
        FieldErrors errors = new FieldErrors();
        String from = Checks.currency("fromCurrency", rate.fromCurrency, errors);
        String to = Checks.currency("toCurrency", rate.toCurrency, errors);
        Checks.amount("rate", rate.rate, false, errors);
        if (rate.rate != null && rate.rate.signum() == 0) {
            errors.invalid("rate", "must be positive");
        }
        errors.required("validFrom", rate.validFrom);
        if (from != null && from.equals(to)) {
            errors.invalid("toCurrency", "must differ from fromCurrency");
        }
        errors.throwIfAny();
        return tx.required(em -> {
            List<ExchangeRateEntity> found = em.createQuery("SELECT r FROM ExchangeRateEntity r WHERE r.fromCurrency = :from "
                    + "AND r.toCurrency = :to AND r.validFrom = :validFrom", ExchangeRateEntity.class).setParameter("from", from)
                    .setParameter("to", to).setParameter("validFrom", rate.validFrom).getResultList();
            ExchangeRateEntity entity = found.isEmpty() ? new ExchangeRateEntity() : found.get(0);
            ExchangeRateDTO before = found.isEmpty() ? null : toDto(entity);
            entity.fromCurrency = from;
            entity.toCurrency = to;
            entity.rate = rate.rate;
            entity.validFrom = rate.validFrom;
            if (found.isEmpty()) {
                em.persist(entity);
            }
            em.flush();
            ExchangeRateDTO after = toDto(entity);
            if (before == null) {
                audit.created(em, ForecastingEntityTypes.EXCHANGE_RATE, after.id, after);
            } else {
                audit.updated(em, ForecastingEntityTypes.EXCHANGE_RATE, after.id, before, after);
            }
            return after;
        });
    }

    @Override
    public List<ExchangeRateDTO> rates() {
        return tx.required(em -> em.createQuery("SELECT r FROM ExchangeRateEntity r", ExchangeRateEntity.class).getResultList().stream()
                .sorted(Comparator.comparing((ExchangeRateEntity r) -> r.fromCurrency).thenComparing(r -> r.toCurrency)
                        .thenComparing(r -> r.validFrom))
                .map(ForecastSetupServiceImpl::toDto).toList());
    }

    static QuotaDTO toDto(QuotaEntity e) {
        QuotaDTO d = new QuotaDTO();
        d.id = Ids.format(e.id);
        d.positionId = Ids.format(e.positionId);
        d.periodId = Ids.format(e.periodId);
        d.currency = e.currency;
        d.amount = e.amount == null ? null : e.amount.stripTrailingZeros().setScale(Math.max(2, e.amount.stripTrailingZeros().scale()));
        d.version = e.version;
        return d;
    }

    static ExchangeRateDTO toDto(ExchangeRateEntity e) {
        ExchangeRateDTO d = new ExchangeRateDTO();
        d.id = Ids.format(e.id);
        d.fromCurrency = e.fromCurrency;
        d.toCurrency = e.toCurrency;
        d.rate = e.rate == null ? null : e.rate.stripTrailingZeros();
        d.validFrom = e.validFrom;
        d.version = e.version;
        return d;
    }
}
