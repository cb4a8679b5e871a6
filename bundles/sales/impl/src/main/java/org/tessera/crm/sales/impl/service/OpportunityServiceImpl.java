package org.tessera.crm.sales.impl.service;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.core.api.DependentRecordsException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.Dependents;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.KeysetExport;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.marketing.api.OfferPriceRules;
import org.tessera.crm.sales.api.OpportunityDTO;
import org.tessera.crm.sales.api.OpportunityHistoryDTO;
import org.tessera.crm.sales.api.OpportunityQuery;
import org.tessera.crm.sales.api.OpportunityService;
import org.tessera.crm.sales.api.OpportunityStatus;
import org.tessera.crm.sales.api.PipelineDTO;
import org.tessera.crm.sales.api.SalesEntityTypes;
import org.tessera.crm.sales.api.SalesTopics;
import org.tessera.crm.sales.api.StageDTO;
import org.tessera.crm.sales.impl.entity.OpportunityEntity;
import org.tessera.crm.sales.impl.entity.OpportunityHistoryEntity;
import org.tessera.crm.sales.impl.entity.PriceListEntity;
import org.tessera.crm.sales.impl.jpa.SalesUnit;
import org.tessera.crm.sales.impl.marketing.CampaignDiscounts;
import org.tessera.crm.sales.impl.rules.ForecastChanges;
import org.tessera.crm.sales.impl.rules.LineTotals;
import org.tessera.crm.sales.impl.rules.Money;
import org.tessera.crm.sales.impl.rules.StageRules;

/**
 * Opportunities: the stage decides probability, forecast category and status; lines are priced
 * from the price list and summed into the amount; forecast-relevant changes are snapshotted.
 */
@Component(service = OpportunityService.class)
public class OpportunityServiceImpl implements OpportunityService {
    private final Tx tx;
    private final AccountAccess access;
    private final CustomFieldService customFields;
    private final ValidationService validation;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    /** Marketing's offer discounts, while marketing is installed (an optional, dynamic reference). */
    private final CampaignDiscounts campaignDiscounts = new CampaignDiscounts();

    @Activate
    public OpportunityServiceImpl(@Reference(target = SalesUnit.TX) Tx tx, @Reference AccountAccess access,
            @Reference CustomFieldService customFields, @Reference ValidationService validation,
            @Reference DomainEventPublisher events, @Reference AuditRecorder recorder) {
        this.tx = tx;
        this.access = access;
        this.customFields = customFields;
        this.validation = validation;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(recorder);
    }

    @Reference(name = "offerPriceRules", service = OfferPriceRules.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindOfferPriceRules(ComponentServiceObjects<?> rules) {
        campaignDiscounts.bind(rules);
    }

    void unbindOfferPriceRules(ComponentServiceObjects<?> rules) {
        campaignDiscounts.unbind(rules);
    }

    @Override
    public OpportunityDTO create(OpportunityDTO draft) {
        Written written = tx.required(em -> {
            OpportunityDTO candidate = normalize(em, draft, null);
            OpportunityEntity entity = new OpportunityEntity();
            entity.createdAt = Instant.now();
            OpportunityMapper.apply(candidate, entity);
            em.persist(entity);
            em.flush();
            OpportunityDTO stored = OpportunityMapper.toDto(entity);
            snapshot(em, stored, ForecastChanges.TRACKED, entity.updatedAt);
            audit.created(em, SalesEntityTypes.OPPORTUNITY, stored.id, stored);
            // last: the summary row is the one lock concurrent writers of an owner's month share
            ForecastTotals.move(em, Optional.empty(), ForecastTotals.Share.of(entity));
            Written created = new Written(null, stored);
            record(em, created, SalesTopics.OPPORTUNITY_CREATED);
            return created;
        });
        return written.after();
    }

    @Override
    public OpportunityDTO get(String id) {
        long key = Ids.of(SalesEntityTypes.OPPORTUNITY, id);
        return tx.required(em -> OpportunityMapper.toDto(find(em, key, id)));
    }

    @Override
    public OpportunityDTO update(String id, Long expectedVersion, OpportunityDTO desired) {
        long key = Ids.of(SalesEntityTypes.OPPORTUNITY, id);
        Written written = tx.required(em -> {
            OpportunityEntity entity = find(em, key, id);
            Versions.check(SalesEntityTypes.OPPORTUNITY, id, expectedVersion, entity.version);
            OpportunityDTO before = OpportunityMapper.toDto(entity);
            Optional<ForecastTotals.Share> shareBefore = ForecastTotals.Share.of(entity);
            OpportunityDTO candidate = normalize(em, desired, before);
            OpportunityMapper.apply(candidate, entity);
            em.flush();
            OpportunityDTO after = OpportunityMapper.toDto(entity);
            List<String> changed = ForecastChanges.between(before, after);
            if (!changed.isEmpty()) {
                snapshot(em, after, changed, entity.updatedAt);
            }
            audit.updated(em, SalesEntityTypes.OPPORTUNITY, id, before, after);
            ForecastTotals.move(em, shareBefore, ForecastTotals.Share.of(entity));
            Written updated = new Written(before, after);
            record(em, updated, SalesTopics.OPPORTUNITY_UPDATED);
            return updated;
        });
        return written.after();
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        long key = Ids.of(SalesEntityTypes.OPPORTUNITY, id);
        tx.required(em -> {
            OpportunityEntity entity = find(em, key, id);
            Versions.check(SalesEntityTypes.OPPORTUNITY, id, expectedVersion, entity.version);
            // its quotes would be orphans: the client deletes or moves them first (no implicit cascade)
            Dependents.of(em, SalesDependentRecords.MODULE, SalesEntityTypes.QUOTE, "FROM QuoteEntity e WHERE e.opportunityId = :ref", key)
                    .ifPresent(quotes -> {
                        throw new DependentRecordsException(SalesEntityTypes.OPPORTUNITY, id, List.of(quotes));
                    });
            OpportunityDTO before = OpportunityMapper.toDto(entity);
            em.createQuery("delete from OpportunityHistoryEntity h where h.opportunityId = :id").setParameter("id", key).executeUpdate();
            Optional<ForecastTotals.Share> share = ForecastTotals.Share.of(entity);
            em.remove(entity);
            audit.deleted(em, SalesEntityTypes.OPPORTUNITY, id, before);
            ForecastTotals.move(em, share, Optional.empty());
            events.record(em, SalesTopics.OPPORTUNITY_DELETED, EventProperties.of(SalesEntityTypes.OPPORTUNITY, id, null));
            return null;
        });
    }

    @Override
    public Page<OpportunityDTO> search(OpportunityQuery query) {
        Matching matching = matching(query);
        Long after = KeysetCursor.afterId(query.cursor);
        return tx.required(em -> {
            List<OpportunityEntity> fetched = matching.select("SELECT o FROM OpportunityEntity o", after)
                    .create(em, "o.id", OpportunityEntity.class).setMaxResults(query.limit + 1).getResultList();
            return Pages.byId(fetched, query.limit, e -> e.id, OpportunityMapper::toDto);
        });
    }

    @Override
    public RecordExport<OpportunityDTO> export(OpportunityQuery query) {
        Matching matching = matching(query);
        List<String> customKeys = customFields.definitions(SalesEntityTypes.OPPORTUNITY).stream()
                .map(definition -> definition.key).sorted().toList();
        return new RecordExport<>() {
            @Override
            public List<String> customFieldKeys() {
                return customKeys;
            }

            @Override
            public long forEach(Sink<? super OpportunityDTO> sink) throws IOException {
                return KeysetExport.run(tx, (em, after, size) -> matching.select("SELECT o.id FROM OpportunityEntity o", after)
                        .create(em, "o.id", Long.class).setMaxResults(size).getResultList(), OpportunityServiceImpl::loadInOrder, sink);
            }
        };
    }

    private static List<OpportunityDTO> loadInOrder(EntityManager em, List<Long> ids) {
        Map<Long, OpportunityEntity> byId = new HashMap<>();
        em.createQuery("SELECT o FROM OpportunityEntity o WHERE o.id IN :ids", OpportunityEntity.class)
                .setParameter("ids", ids).getResultList().forEach(o -> byId.put(o.id, o));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).map(OpportunityMapper::toDto).toList();
    }

    /** The list's criteria and the caller's scope, checked and captured once for a search or an export. */
    private Matching matching(OpportunityQuery query) {
        FieldErrors errors = new FieldErrors();
        Long account = Ids.reference("accountId", query.accountId, errors);
        Long owner = Ids.reference("ownerId", query.ownerId, errors);
        Long pipeline = Ids.reference("pipelineId", query.pipelineId, errors);
        errors.throwIfAny();
        return new Matching(query, access.scope(), account, owner, pipeline);
    }

    private record Matching(OpportunityQuery query, ScopeFilter scope, Long account, Long owner, Long pipeline) {
        JpqlQuery select(String selectFrom, Long after) {
            return JpqlQuery.of(selectFrom)
                    .where(scope.condition("o.accountId"))
                    .where("o.accountId = :account", "account", account)
                    .where("o.ownerId = :owner", "owner", owner)
                    .where("o.pipelineId = :pipeline", "pipeline", pipeline)
                    .where("o.stage = :stage", "stage", query.stage)
                    .where("o.status = :status", "status", query.status == null ? null : query.status.name())
                    .where("o.expectedCloseDate >= :closeFrom", "closeFrom", query.closeFrom)
                    .where("o.expectedCloseDate <= :closeTo", "closeTo", query.closeTo)
                    .where("o.id > :after", "after", after);
        }
    }

    @Override
    public List<OpportunityHistoryDTO> history(String id) {
        long key = Ids.of(SalesEntityTypes.OPPORTUNITY, id);
        return tx.required(em -> {
            find(em, key, id);
            return em.createQuery("select h from OpportunityHistoryEntity h where h.opportunityId = :id order by h.id",
                    OpportunityHistoryEntity.class).setParameter("id", key).getResultList()
                    .stream().map(OpportunityMapper::toDto).toList();
        });
    }

    private OpportunityEntity find(EntityManager em, long key, String id) {
        OpportunityEntity entity = em.find(OpportunityEntity.class, key);
        if (entity == null || !canSee(entity.accountId)) {
            throw new NotFoundException(SalesEntityTypes.OPPORTUNITY, id);
        }
        return entity;
    }

    private boolean canSee(Long accountId) {
        return access.canSee(accountId);
    }

    /** The candidate completed by the rules (stage defaults, prices, totals), or the rejected fields. */
    private OpportunityDTO normalize(EntityManager em, OpportunityDTO in, OpportunityDTO previous) {
        FieldErrors errors = new FieldErrors();
        OpportunityDTO c = OpportunityMapper.copyWritable(in);
        errors.required("name", c.name).required("accountId", c.accountId);
        if (c.accountId != null && Ids.reference("accountId", c.accountId, errors) != null
                && access.visibleParty(c.accountId).isEmpty()) {
            errors.invalid("accountId", "no such party");
        }
        for (int i = 0; i < c.contactRoles.size(); i++) {
            var role = c.contactRoles.get(i);
            String path = "contactRoles[" + i + "]";
            errors.required(path + ".partyId", role.partyId).required(path + ".role", role.role);
            if (role.partyId != null && Ids.reference(path + ".partyId", role.partyId, errors) != null
                    && access.visibleParty(role.partyId).isEmpty()) {
                errors.invalid(path + ".partyId", "no such party");
            }
        }
        for (int i = 0; i < c.competitors.size(); i++) {
            errors.required("competitors[" + i + "].name", c.competitors.get(i).name);
        }
        Ids.reference("ownerId", c.ownerId, errors);
        PipelineDTO pipeline = null;
        if (c.pipelineId == null) {
            pipeline = Pipelines.defaultPipeline(em);
        } else {
            Long pipelineKey = Ids.reference("pipelineId", c.pipelineId, errors);
            pipeline = pipelineKey == null ? null : Pipelines.find(em, pipelineKey);
            if (pipelineKey != null && pipeline == null) {
                errors.invalid("pipelineId", "no such pipeline");
            }
        }
        StageDTO stage = null;
        if (pipeline != null) {
            c.pipelineId = pipeline.id;
            stage = c.stage == null ? StageRules.firstStage(pipeline) : StageRules.stage(pipeline, c.stage).orElse(null);
            if (stage == null) {
                errors.invalid("stage", "not a stage of pipeline " + pipeline.name + ": "
                        + pipeline.stages.stream().map(s -> s.code).toList());
            }
        }
        if (c.probability != null && (c.probability < 0 || c.probability > 100)) {
            errors.invalid("probability", "must be from 0 to 100");
        }
        if (c.currency != null && !Money.isCurrency(c.currency)) {
            errors.invalid("currency", "not an ISO 4217 currency code");
        }
        if ((c.amount != null || !c.lineItems.isEmpty()) && c.currency == null) {
            errors.required("currency", null);
        }
        if (c.amount != null && c.amount.signum() < 0) {
            errors.invalid("amount", "must not be negative");
        }
        PriceListEntity priceList = null;
        Long priceListKey = Ids.reference("priceListId", c.priceListId, errors);
        if (priceListKey != null) {
            priceList = em.find(PriceListEntity.class, priceListKey);
            if (priceList == null) {
                errors.invalid("priceListId", "no such price list");
            } else if (c.currency != null && !priceList.currency.equals(c.currency)) {
                errors.invalid("priceListId", "the price list is in " + priceList.currency + ", the opportunity in " + c.currency);
            }
        }
        LinePricing.price(em, "lineItems", c.lineItems, priceList, errors);
        campaignDiscounts.apply(c.campaignId, c.lineItems, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        if (stage != null) {
            c.stage = stage.code;
            c.probability = StageRules.probability(stage, c.probability, previous);
            c.forecastCategory = stage.forecastCategory;
            c.status = StageRules.status(stage);
            StageRules.checkClosing(stage, c, errors);
        }
        if (errors.isEmpty() && !c.lineItems.isEmpty()) {
            c.amount = LineTotals.applyLineTotals(c.lineItems, c.currency);
        } else if (c.amount != null && c.currency != null && Money.isCurrency(c.currency)) {
            c.amount = Money.round(c.amount, c.currency);
        }
        try {
            c.customFields = new java.util.LinkedHashMap<>(customFields.normalize(SalesEntityTypes.OPPORTUNITY, c.customFields, false));
        } catch (org.tessera.crm.core.api.ValidationException e) {
            errors.addAll(e.errors());
        }
        errors.throwIfAny();
        validation.validate(SalesEntityTypes.OPPORTUNITY, c, previous);
        return c;
    }

    private static void snapshot(EntityManager em, OpportunityDTO o, List<String> changed, Instant at) {
        OpportunityHistoryEntity h = new OpportunityHistoryEntity();
        h.opportunityId = Long.valueOf(o.id);
        h.changedAt = at;
        h.changedFields = String.join(",", changed);
        h.stage = o.stage;
        h.amount = o.amount;
        h.currency = o.currency;
        h.probability = o.probability;
        h.expectedCloseDate = o.expectedCloseDate;
        h.forecastCategory = o.forecastCategory.name();
        em.persist(h);
    }

    /** The write's events, in its transaction: none for an update that changed no value. */
    private void record(EntityManager em, Written w, String topic) {
        OpportunityDTO after = w.after();
        if (w.before() == null) {
            events.record(em, topic, EventProperties.of(SalesEntityTypes.OPPORTUNITY, after.id, after.version));
        } else {
            Map<String, Object> updated = EventProperties.updated(SalesEntityTypes.OPPORTUNITY, after.id, after.version, w.before(), after,
                    "updatedAt");
            if (((String[]) updated.get(CoreEvents.CHANGED_FIELDS)).length == 0) {
                return;
            }
            events.record(em, topic, updated);
        }
        String previousStage = w.before() == null ? null : w.before().stage;
        if (!after.stage.equals(previousStage)) {
            Map<String, Object> stageProps = new HashMap<>();
            stageProps.put(SalesTopics.STAGE, after.stage);
            if (previousStage != null) {
                stageProps.put(SalesTopics.PREVIOUS_STAGE, previousStage);
            }
            events.record(em, SalesTopics.OPPORTUNITY_STAGE_CHANGED, EventProperties.of(SalesEntityTypes.OPPORTUNITY, after.id, after.version, null, stageProps));
            OpportunityStatus before = w.before() == null ? OpportunityStatus.OPEN : w.before().status;
            if (after.status != before && after.status != OpportunityStatus.OPEN) {
                events.record(em, after.status == OpportunityStatus.WON ? SalesTopics.OPPORTUNITY_WON : SalesTopics.OPPORTUNITY_LOST, EventProperties.of(SalesEntityTypes.OPPORTUNITY, after.id, after.version, null, stageProps));
            }
        }
    }

    private record Written(OpportunityDTO before, OpportunityDTO after) {
    }
}
