package org.tessera.crm.sales.impl.service;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.sales.api.ForecastCategory;
import org.tessera.crm.sales.api.PipelineDTO;
import org.tessera.crm.sales.api.PipelineService;
import org.tessera.crm.sales.api.PipelineSummaryDTO;
import org.tessera.crm.sales.api.PipelineSummaryQuery;
import org.tessera.crm.sales.api.SalesEntityTypes;
import org.tessera.crm.sales.api.StageDTO;
import org.tessera.crm.sales.impl.entity.PipelineEntity;
import org.tessera.crm.sales.impl.entity.StageValue;
import org.tessera.crm.sales.impl.jpa.SalesUnit;
import org.tessera.crm.sales.impl.rules.Money;
import org.tessera.crm.sales.impl.rules.PipelineAggregator;
import org.tessera.crm.sales.impl.rules.StageRules;

@Component(service = PipelineService.class)
public class PipelineServiceImpl implements PipelineService {
    private final Tx tx;
    private final AccountAccess access;
    private final ModuleAudit audit;

    @Activate
    public PipelineServiceImpl(@Reference(target = SalesUnit.TX) Tx tx, @Reference AccountAccess access, @Reference AuditRecorder recorder) {
        this.tx = tx;
        this.access = access;
        this.audit = new ModuleAudit(recorder);
    }

    @Override
    public List<PipelineDTO> pipelines() {
        return tx.required(em -> em.createQuery("select p from PipelineEntity p order by p.id", PipelineEntity.class)
                .getResultList().stream().map(PipelineServiceImpl::toDto).toList());
    }

    @Override
    public PipelineDTO get(String id) {
        long key = Ids.of(SalesEntityTypes.PIPELINE, id);
        return tx.required(em -> toDto(find(em, key, id)));
    }

    @Override
    public PipelineDTO defaultPipeline() {
        return tx.required(em -> toDto(em.createQuery("select p from PipelineEntity p where p.defaultPipeline = :yes order by p.id",
                PipelineEntity.class).setParameter("yes", true).setMaxResults(1).getSingleResult()));
    }

    @Override
    public PipelineDTO create(PipelineDTO draft) {
        FieldErrors errors = new FieldErrors();
        StageRules.checkPipeline(draft, errors);
        errors.throwIfAny();
        return tx.required(em -> {
            PipelineEntity entity = new PipelineEntity();
            entity.name = draft.name.strip();
            entity.defaultPipeline = false;
            draft.stages.forEach(s -> entity.stages.add(toValue(s)));
            em.persist(entity);
            em.flush(); // assigns the version the ETag names
            PipelineDTO created = toDto(entity);
            audit.created(em, SalesEntityTypes.PIPELINE, created.id, created);
            return created;
        });
    }

    @Override
    public PipelineDTO update(String id, Long expectedVersion, PipelineDTO desired) {
        long key = Ids.of(SalesEntityTypes.PIPELINE, id);
        FieldErrors errors = new FieldErrors();
        StageRules.checkPipeline(desired, errors);
        errors.throwIfAny();
        return tx.required(em -> {
            PipelineEntity entity = find(em, key, id);
            Versions.check(SalesEntityTypes.PIPELINE, id, expectedVersion, entity.version);
            java.util.Set<String> kept = new java.util.HashSet<>();
            desired.stages.forEach(s -> kept.add(s.code.strip()));
            List<String> inUse = em.createQuery("select distinct o.stage from OpportunityEntity o where o.pipelineId = :pipeline", String.class)
                    .setParameter("pipeline", key).getResultList();
            List<String> orphaned = inUse.stream().filter(code -> !kept.contains(code)).sorted().toList();
            if (!orphaned.isEmpty()) {
                throw new org.tessera.crm.core.api.ConflictException("stages", "opportunities are in stages " + orphaned + ": keep them");
            }
            PipelineDTO before = toDto(entity);
            entity.name = desired.name.strip();
            entity.stages.clear();
            desired.stages.forEach(s -> entity.stages.add(toValue(s)));
            em.flush();
            PipelineDTO after = toDto(entity);
            audit.updated(em, SalesEntityTypes.PIPELINE, id, before, after);
            return after;
        });
    }

    @Override
    public PipelineSummaryDTO summary(PipelineSummaryQuery query) {
        if (query.currency != null && !Money.isCurrency(query.currency)) {
            throw new org.tessera.crm.core.api.ValidationException(
                    org.tessera.crm.core.api.FieldError.invalid("currency", "not an ISO 4217 currency code"));
        }
        PipelineDTO pipeline;
        try {
            pipeline = query.pipelineId == null ? defaultPipeline() : get(query.pipelineId);
        } catch (NotFoundException unknown) {
            throw new org.tessera.crm.core.api.ValidationException(
                    org.tessera.crm.core.api.FieldError.invalid("pipeline", "no such pipeline"));
        }
        // only the opportunities of accounts in the caller's perimeter count
        List<PipelineAggregator.Row> rows = tx.required(em -> rows(em, Long.valueOf(pipeline.id), query, access.scope()));
        PipelineSummaryDTO summary = new PipelineSummaryDTO();
        summary.pipelineId = pipeline.id;
        summary.currency = query.currency;
        summary.stages = PipelineAggregator.aggregate(pipeline, rows, query.currency);
        return summary;
    }

    /** The opportunities of the pipeline that the caller may see, scope and filters in the query. */
    private static List<PipelineAggregator.Row> rows(EntityManager em, long pipelineId, PipelineSummaryQuery query, ScopeFilter scope) {
        Long owner = query.ownerId == null ? null : Ids.parse(query.ownerId).orElse(-1L);
        List<Object[]> found = JpqlQuery.of("SELECT o.stage, o.currency, o.amount, o.probability FROM OpportunityEntity o")
                .where("o.pipelineId = :pipeline", "pipeline", pipelineId)
                .where(scope.condition("o.accountId"))
                .where("o.ownerId = :owner", "owner", owner)
                .where("o.expectedCloseDate >= :closeFrom", "closeFrom", query.closeFrom)
                .where("o.expectedCloseDate <= :closeTo", "closeTo", query.closeTo)
                .where("o.currency = :currency", "currency", query.currency)
                .create(em, null, Object[].class).getResultList();
        List<PipelineAggregator.Row> rows = new ArrayList<>();
        for (Object[] r : found) {
            rows.add(new PipelineAggregator.Row((String) r[0], (String) r[1], (java.math.BigDecimal) r[2], ((Number) r[3]).intValue()));
        }
        return rows;
    }

    static PipelineEntity find(EntityManager em, long key, String id) {
        PipelineEntity entity = em.find(PipelineEntity.class, key);
        if (entity == null) {
            throw new NotFoundException(SalesEntityTypes.PIPELINE, id);
        }
        return entity;
    }

    static PipelineDTO toDto(PipelineEntity entity) {
        PipelineDTO dto = new PipelineDTO();
        dto.id = entity.id.toString();
        dto.name = entity.name;
        dto.defaultPipeline = entity.defaultPipeline;
        dto.version = entity.version;
        for (StageValue v : entity.stages) {
            StageDTO s = new StageDTO();
            s.code = v.code;
            s.name = v.name;
            s.sortOrder = v.sortOrder;
            s.probability = v.probability;
            s.forecastCategory = ForecastCategory.valueOf(v.forecastCategory);
            s.closed = v.closed;
            s.won = v.won;
            dto.stages.add(s);
        }
        dto.stages.sort(java.util.Comparator.comparingInt(s -> s.sortOrder));
        return dto;
    }

    private static StageValue toValue(StageDTO s) {
        StageValue v = new StageValue();
        v.code = s.code.strip();
        v.name = s.name.strip();
        v.sortOrder = s.sortOrder;
        v.probability = s.probability;
        v.forecastCategory = s.forecastCategory.name();
        v.closed = s.closed;
        v.won = s.won;
        return v;
    }
}
