package org.tessera.crm.marketing.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.kit.Decimals;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.marketing.api.CampaignStatus;
import org.tessera.crm.marketing.api.MarketingConstants;
import org.tessera.crm.marketing.api.OfferCatalog;
import org.tessera.crm.marketing.api.OfferDTO;
import org.tessera.crm.marketing.api.OfferPriceRules;
import org.tessera.crm.marketing.impl.entity.CampaignEntity;
import org.tessera.crm.marketing.impl.entity.OfferEntity;
import org.tessera.crm.marketing.impl.rules.PriceRule;

/**
 * A campaign's offers, their price rules as {@link OfferPriceRules} for sales, and the offers that
 * may be proposed as {@link OfferCatalog} for other modules: registered while marketing is active,
 * so sales applies campaign discounts, and a pack proposes campaign offers, exactly when marketing
 * is installed.
 */
@Component(service = {Offers.class, OfferPriceRules.class, OfferCatalog.class})
public class Offers implements OfferPriceRules, OfferCatalog {
    static final String OFFER = MarketingConstants.OFFER;
    private final Tx tx;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock;

    @Activate
    public Offers(@Reference(target = MarketingUnit.TX) Tx tx, @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder) {
        this(tx, events, auditRecorder, Clock.systemUTC());
    }

    public Offers(Tx tx, DomainEventPublisher events, AuditRecorder auditRecorder, Clock clock) {
        this.tx = tx;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
        this.clock = clock;
    }

    public OfferDTO create(String campaignId, OfferDTO draft) {
        long campaign = Ids.of(Campaigns.CAMPAIGN, campaignId);
        check(draft);
        OfferDTO created = tx.required(em -> {
            Campaigns.find(em, campaign, campaignId);
            OfferEntity e = new OfferEntity();
            e.campaignId = campaign;
            copy(draft, e);
            e.createdAt = now();
            e.updatedAt = e.createdAt;
            em.persist(e);
            em.flush();
            OfferDTO stored = toDto(e);
            audit.created(em, OFFER, stored.id, stored);
            events.record(em, MarketingConstants.topic("offer", "CREATED"), EventProperties.of(OFFER, stored.id, stored.version));
            return stored;
        });
        return created;
    }

    public List<OfferDTO> ofCampaign(String campaignId) {
        long campaign = Ids.of(Campaigns.CAMPAIGN, campaignId);
        return tx.required(em -> {
            Campaigns.find(em, campaign, campaignId);
            return em.createQuery("SELECT o FROM OfferEntity o WHERE o.campaignId = :c ORDER BY o.id", OfferEntity.class)
                    .setParameter("c", campaign).getResultList().stream().map(Offers::toDto).toList();
        });
    }

    public OfferDTO get(String id) {
        long key = Ids.of(OFFER, id);
        return tx.required(em -> toDto(find(em, key, id)));
    }

    public OfferDTO update(String id, Long expectedVersion, OfferDTO desired) {
        long key = Ids.of(OFFER, id);
        check(desired);
        OfferDTO updated = tx.required(em -> {
            OfferEntity e = find(em, key, id);
            Versions.check(OFFER, id, expectedVersion, e.version);
            OfferDTO before = toDto(e);
            copy(desired, e);
            e.updatedAt = now();
            em.flush();
            OfferDTO after = toDto(e);
            audit.updated(em, OFFER, id, before, after);
            events.record(em, MarketingConstants.topic("offer", "UPDATED"), EventProperties.updated(OFFER, id, after.version, before, after,
                    "updatedAt"));
            return after;
        });
        return updated;
    }

    public void delete(String id, Long expectedVersion) {
        long key = Ids.of(OFFER, id);
        tx.required(em -> {
            OfferEntity e = find(em, key, id);
            Versions.check(OFFER, id, expectedVersion, e.version);
            audit.deleted(em, OFFER, id, toDto(e));
            org.tessera.crm.marketing.impl.segment.NativeSql.update(em,
                    "UPDATE marketing_member SET offer_id = NULL, version = version + 1 WHERE offer_id = ?", List.of(key));
            em.remove(e);
            events.record(em, MarketingConstants.topic("offer", "DELETED"), EventProperties.of(OFFER, id, null));
            return null;
        });
    }

    @Override
    public Optional<BigDecimal> discountPercent(String campaignId, String productId, BigDecimal quantity, LocalDate day) {
        Optional<Long> campaign = Ids.parse(campaignId);
        if (campaign.isEmpty() || quantity == null) {
            return Optional.empty();
        }
        List<OfferEntity> offers = tx.required(em -> em.createQuery(
                "SELECT o FROM OfferEntity o WHERE o.campaignId = :c AND o.discountPercent IS NOT NULL", OfferEntity.class)
                .setParameter("c", campaign.get()).getResultList());
        return offers.stream().map(o -> new PriceRule(o.discountPercent, o.minQuantity, o.productIds, o.startDate, o.endDate))
                .filter(rule -> rule.appliesTo(productId, quantity, day)).map(PriceRule::percent).max(BigDecimal::compareTo);
    }

    @Override
    public Optional<OfferDTO> available(String offerId, LocalDate day) {
        Optional<Long> key = Ids.parse(offerId);
        if (key.isEmpty() || day == null) {
            return Optional.empty();
        }
        return tx.required(em -> {
            OfferEntity offer = em.find(OfferEntity.class, key.get());
            if (offer == null || (offer.startDate != null && day.isBefore(offer.startDate))
                    || (offer.endDate != null && day.isAfter(offer.endDate))) {
                return Optional.<OfferDTO>empty();
            }
            CampaignEntity campaign = em.find(CampaignEntity.class, offer.campaignId);
            boolean active = campaign != null && CampaignStatus.ACTIVE.name().equals(campaign.status);
            return active ? Optional.of(toDto(offer)) : Optional.<OfferDTO>empty();
        });
    }

    private static void check(OfferDTO d) {
        FieldErrors errors = new FieldErrors();
        d.name = d.name == null || d.name.isBlank() ? null : d.name.trim();
        errors.required("name", d.name).maxLength("name", d.name, 200).maxLength("channel", d.channel, 50)
                .maxLength("description", d.description, 4000);
        if (d.startDate != null && d.endDate != null && d.endDate.isBefore(d.startDate)) {
            errors.invalid("endDate", "must not be before startDate");
        }
        PriceRule.check(Decimals.bounded("discountPercent", d.discountPercent), Decimals.bounded("minQuantity", d.minQuantity), errors);
        if (d.productIds == null) {
            d.productIds = List.of();
        }
        for (int i = 0; i < d.productIds.size(); i++) {
            String p = d.productIds.get(i);
            if (p == null || p.isBlank()) {
                errors.required("productIds[" + i + "]", null);
            } else {
                errors.maxLength("productIds[" + i + "]", p, 100);
            }
        }
        errors.throwIfAny();
    }

    private static void copy(OfferDTO d, OfferEntity e) {
        e.name = d.name;
        e.channel = d.channel;
        e.startDate = d.startDate;
        e.endDate = d.endDate;
        e.description = d.description;
        e.discountPercent = d.discountPercent;
        e.minQuantity = d.minQuantity;
        e.productIds.clear();
        e.productIds.addAll(new LinkedHashSet<>(d.productIds.stream().map(String::trim).toList()));
    }

    static OfferDTO toDto(OfferEntity e) {
        OfferDTO d = new OfferDTO();
        d.id = Ids.format(e.id);
        d.campaignId = Ids.format(e.campaignId);
        d.name = e.name;
        d.channel = e.channel;
        d.startDate = e.startDate;
        d.endDate = e.endDate;
        d.description = e.description;
        d.discountPercent = plain(e.discountPercent);
        d.minQuantity = plain(e.minQuantity);
        d.productIds = e.productIds.stream().sorted().toList();
        d.version = e.version;
        d.createdAt = e.createdAt;
        d.updatedAt = e.updatedAt;
        return d;
    }

    /** 10.0000 as 10, never 1E+1 (stripTrailingZeros alone gives an exponent). */
    private static BigDecimal plain(BigDecimal stored) {
        return stored == null ? null : new BigDecimal(stored.stripTrailingZeros().toPlainString());
    }

    static OfferEntity find(EntityManager em, long key, String id) {
        return Optional.ofNullable(em.find(OfferEntity.class, key)).orElseThrow(() -> new NotFoundException(OFFER, id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
