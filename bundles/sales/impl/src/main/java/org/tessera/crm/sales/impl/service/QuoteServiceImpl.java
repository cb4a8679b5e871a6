package org.tessera.crm.sales.impl.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.sales.api.LineItemDTO;
import org.tessera.crm.sales.api.QuoteDTO;
import org.tessera.crm.sales.api.QuoteService;
import org.tessera.crm.sales.api.QuoteStatus;
import org.tessera.crm.sales.api.SalesEntityTypes;
import org.tessera.crm.sales.api.SalesTopics;
import org.tessera.crm.sales.impl.entity.LineItemValue;
import org.tessera.crm.sales.impl.entity.OpportunityEntity;
import org.tessera.crm.sales.impl.entity.PriceListEntity;
import org.tessera.crm.sales.impl.entity.QuoteEntity;
import org.tessera.crm.sales.impl.jpa.SalesUnit;
import org.tessera.crm.sales.impl.rules.LineTotals;
import org.tessera.crm.sales.impl.rules.QuoteTransitions;

/** Quotes: numbered, priced from their opportunity, moved through the approval state machine. */
@Component(service = QuoteService.class)
public class QuoteServiceImpl implements QuoteService {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Tx tx;
    private final AccountAccess access;
    private final ValidationService validation;
    private final ModuleEvents events;
    private final ModuleAudit audit;

    @Activate
    public QuoteServiceImpl(@Reference(target = SalesUnit.TX) Tx tx, @Reference AccountAccess access,
            @Reference ValidationService validation, @Reference DomainEventPublisher events, @Reference AuditRecorder recorder) {
        this.tx = tx;
        this.access = access;
        this.validation = validation;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(recorder);
    }

    @Override
    public QuoteDTO create(QuoteDTO draft) {
        FieldErrors errors = new FieldErrors().required("opportunityId", draft.opportunityId);
        Long opportunityKey = Ids.reference("opportunityId", draft.opportunityId, errors);
        errors.throwIfAny();
        QuoteDTO created = tx.required(em -> {
            OpportunityEntity opportunity = em.find(OpportunityEntity.class, opportunityKey);
            if (opportunity == null || access.visibleParty(opportunity.accountId.toString()).isEmpty()) {
                throw new org.tessera.crm.core.api.ValidationException(
                        org.tessera.crm.core.api.FieldError.invalid("opportunityId", "no such opportunity"));
            }
            if (opportunity.currency == null) {
                throw new org.tessera.crm.core.api.ValidationException(
                        org.tessera.crm.core.api.FieldError.invalid("opportunityId", "the opportunity has no currency"));
            }
            QuoteEntity quote = new QuoteEntity();
            quote.opportunityId = opportunity.id;
            quote.accountId = opportunity.accountId;
            quote.currency = opportunity.currency;
            quote.status = QuoteStatus.DRAFT.name();
            quote.createdAt = Instant.now();
            List<LineItemDTO> lines = draft.lines == null || draft.lines.isEmpty()
                    ? opportunity.lineItems.stream().map(v -> OpportunityMapper.toDto(v, opportunity.currency)).toList()
                    : draft.lines.stream().map(OpportunityMapper::copyLine).toList();
            QuoteDTO candidate = check(em, draft, lines, opportunity.priceListId);
            apply(candidate, quote);
            em.persist(quote);
            quote.number = String.format("Q-%06d", quote.id);
            em.flush();
            QuoteDTO stored = QuoteMapper.toDto(quote);
            audit.created(em, SalesEntityTypes.QUOTE, stored.id, stored);
            events.record(em, SalesTopics.QUOTE_STATUS_CHANGED, EventProperties.of(SalesEntityTypes.QUOTE, stored.id, stored.version,
                    null, Map.of("status", stored.status.name())));
            return stored;
        });
        return created;
    }

    @Override
    public QuoteDTO get(String id) {
        long key = Ids.of(SalesEntityTypes.QUOTE, id);
        return tx.required(em -> QuoteMapper.toDto(find(em, key, id)));
    }

    @Override
    public QuoteDTO update(String id, Long expectedVersion, QuoteDTO desired) {
        long key = Ids.of(SalesEntityTypes.QUOTE, id);
        QuoteDTO[] beforeAfter = tx.required(em -> {
            QuoteEntity quote = find(em, key, id);
            Versions.check(SalesEntityTypes.QUOTE, id, expectedVersion, quote.version);
            QuoteDTO before = QuoteMapper.toDto(quote);
            QuoteStatus to = desired.status == null ? before.status : desired.status;
            QuoteTransitions.check(before.status, to);
            List<LineItemDTO> lines = desired.lines == null ? before.lines
                    : desired.lines.stream().map(OpportunityMapper::copyLine).toList();
            if (before.status != QuoteStatus.DRAFT && !QuoteMapper.sameLines(before.lines, lines)) {
                throw new ConflictException("lines", "the lines of a " + before.status + " quote cannot change; only a DRAFT's can");
            }
            OpportunityEntity opportunity = em.find(OpportunityEntity.class, quote.opportunityId);
            QuoteDTO candidate = check(em, desired, lines, opportunity == null ? null : opportunity.priceListId);
            candidate.status = to;
            validation.validate(SalesEntityTypes.QUOTE, candidate, before);
            apply(candidate, quote);
            quote.status = to.name();
            em.flush();
            QuoteDTO stored = QuoteMapper.toDto(quote);
            audit.updated(em, SalesEntityTypes.QUOTE, id, before, stored);
            if (stored.status != before.status) {
                events.record(em, SalesTopics.QUOTE_STATUS_CHANGED, EventProperties.of(SalesEntityTypes.QUOTE, stored.id, stored.version,
                        List.of("status"), Map.of("status", stored.status.name(), "previousStatus", before.status.name())));
            }
            return new QuoteDTO[] {before, stored};
        });
        return beforeAfter[1];
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        long key = Ids.of(SalesEntityTypes.QUOTE, id);
        tx.required(em -> {
            QuoteEntity quote = find(em, key, id);
            Versions.check(SalesEntityTypes.QUOTE, id, expectedVersion, quote.version);
            audit.deleted(em, SalesEntityTypes.QUOTE, id, QuoteMapper.toDto(quote));
            em.remove(quote);
            events.record(em, SalesTopics.QUOTE_DELETED, EventProperties.of(SalesEntityTypes.QUOTE, id, null));
            return null;
        });
    }

    @Override
    public Page<QuoteDTO> search(String opportunityId, QuoteStatus status, int limit, String cursor) {
        FieldErrors errors = new FieldErrors();
        Long opportunity = Ids.reference("opportunityId", opportunityId, errors);
        errors.throwIfAny();
        Long after = KeysetCursor.afterId(cursor);
        ScopeFilter scope = access.scope();
        return tx.required(em -> {
            List<QuoteEntity> fetched = JpqlQuery.of("SELECT q FROM QuoteEntity q")
                    .where(scope.condition("q.accountId"))
                    .where("q.opportunityId = :opportunity", "opportunity", opportunity)
                    .where("q.status = :status", "status", status == null ? null : status.name())
                    .where("q.id > :after", "after", after)
                    .create(em, "q.id", QuoteEntity.class).setMaxResults(limit + 1).getResultList();
            return Pages.byId(fetched, limit, e -> e.id, QuoteMapper::toDto);
        });
    }

    private QuoteEntity find(EntityManager em, long key, String id) {
        QuoteEntity quote = em.find(QuoteEntity.class, key);
        if (quote == null || access.visibleParty(quote.accountId.toString()).isEmpty()) {
            throw new NotFoundException(SalesEntityTypes.QUOTE, id);
        }
        return quote;
    }

    /** The writable fields checked and the lines priced; throws the rejected fields. */
    private static QuoteDTO check(EntityManager em, QuoteDTO in, List<LineItemDTO> lines, Long priceListId) {
        FieldErrors errors = new FieldErrors();
        if (in.taxRate != null && (in.taxRate.signum() < 0 || in.taxRate.compareTo(HUNDRED) > 0)) {
            errors.invalid("taxRate", "must be a percentage from 0 to 100");
        }
        PriceListEntity priceList = priceListId == null ? null : em.find(PriceListEntity.class, priceListId);
        LinePricing.price(em, "lines", lines, priceList, errors);
        errors.throwIfAny();
        QuoteDTO c = new QuoteDTO();
        c.name = OpportunityMapper.trim(in.name);
        c.taxRate = in.taxRate == null ? BigDecimal.ZERO : in.taxRate;
        c.validUntil = in.validUntil;
        c.lines = lines;
        return c;
    }

    private static void apply(QuoteDTO c, QuoteEntity quote) {
        quote.name = c.name;
        quote.taxRate = c.taxRate;
        quote.validUntil = c.validUntil;
        LineTotals.applyLineTotals(c.lines, quote.currency);
        quote.lines.clear();
        for (LineItemDTO l : c.lines) {
            LineItemValue v = OpportunityMapper.toValue(l);
            quote.lines.add(v);
        }
        quote.updatedAt = Instant.now();
    }
}
