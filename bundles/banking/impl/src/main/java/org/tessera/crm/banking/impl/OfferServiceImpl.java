package org.tessera.crm.banking.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.banking.api.BankingTopics;
import org.tessera.crm.banking.api.OfferDecision;
import org.tessera.crm.banking.api.OfferDecisionDTO;
import org.tessera.crm.banking.api.OfferDefinitionDTO;
import org.tessera.crm.banking.api.OfferRuleDTO;
import org.tessera.crm.banking.api.OfferService;
import org.tessera.crm.banking.api.OfferSource;
import org.tessera.crm.banking.api.ProposedOfferDTO;
import org.tessera.crm.banking.api.rules.ConditionDTO;
import org.tessera.crm.banking.api.rules.ConditionEngine;
import org.tessera.crm.banking.api.rules.ConditionOutcome;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.activity.ActivityTypes;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.rest.ObjectMappers;

/**
 * Next-best-offer rules as data, evaluated for a party when the agent asks (at an interaction):
 * the party's facts are loaded once, rules are tried highest priority first and the evaluation stops
 * as soon as enough offers matched.
 */
@Component(service = OfferService.class)
public class OfferServiceImpl implements OfferService {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final String RULE = BankingEntityTypes.OFFER_RULE;

    private final Tx tx;
    private final PartyService parties;
    private final RecordScope scope;
    private final ConditionEngine engine;
    private final CustomFieldService customFields;
    private final ActivityService activities;
    private final CallerContext callers;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final ObjectMapper json = ObjectMappers.create();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, OfferSource> sources = new ConcurrentHashMap<>();

    /** Sales, when installed: an accepted offer becomes an opportunity. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile OpportunityFollowUp opportunities;

    @Activate
    public OfferServiceImpl(@Reference(name = "tx", target = "(osgi.unit.name=tessera-banking)") Tx tx, @Reference PartyService parties,
            @Reference RecordScope scope, @Reference ConditionEngine engine, @Reference CustomFieldService customFields,
            @Reference ActivityService activities, @Reference CallerContext callers, @Reference DomainEventPublisher events,
            @Reference AuditRecorder auditRecorder) {
        this.tx = tx;
        this.parties = parties;
        this.scope = scope;
        this.engine = engine;
        this.customFields = customFields;
        this.activities = activities;
        this.callers = callers;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
    }

    /** Offer sources other than the pack's own (a marketing module's offers): the seam for them. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(OfferSource source, Map<String, Object> properties) {
        Object name = properties.get(OfferSource.SOURCE);
        if (name != null) {
            sources.put(name.toString(), source);
        }
    }

    void removeSource(OfferSource source) {
        sources.values().removeIf(s -> s == source);
    }

    // ---- rules

    @Override
    public OfferRuleDTO createRule(OfferRuleDTO draft) {
        check(draft);
        OfferRuleDTO created = tx.required(em -> {
            requireUniqueKey(em, draft.key, null);
            OfferRuleEntity entity = new OfferRuleEntity();
            entity.createdAt = clock.instant();
            copy(draft, entity);
            em.persist(entity);
            em.flush();
            OfferRuleDTO dto = toDto(entity);
            audit.created(em, RULE, dto.id, dto);
            events.record(em, BankingTopics.OFFER_RULE_CHANGED, EventProperties.of(RULE, dto.id, dto.version));
            return dto;
        });
        return created;
    }

    @Override
    public OfferRuleDTO getRule(String id) {
        return tx.required(em -> toDto(rule(em, id)));
    }

    @Override
    public OfferRuleDTO updateRule(String id, Long expectedVersion, OfferRuleDTO desired) {
        check(desired);
        OfferRuleDTO updated = tx.required(em -> {
            OfferRuleEntity entity = rule(em, id);
            Versions.check(RULE, id, expectedVersion, entity.version);
            requireUniqueKey(em, desired.key, entity.id);
            OfferRuleDTO before = toDto(entity);
            copy(desired, entity);
            em.flush();
            OfferRuleDTO after = toDto(entity);
            audit.updated(em, RULE, id, before, after);
            events.record(em, BankingTopics.OFFER_RULE_CHANGED, EventProperties.updated(RULE, id, after.version, before, after));
            return after;
        });
        return updated;
    }

    @Override
    public void deleteRule(String id, Long expectedVersion) {
        tx.required(em -> {
            OfferRuleEntity entity = rule(em, id);
            Versions.check(RULE, id, expectedVersion, entity.version);
            // decisions keep the rule's key: the party's history outlives the rule
            audit.deleted(em, RULE, id, toDto(entity));
            em.remove(entity);
            events.record(em, BankingTopics.OFFER_RULE_CHANGED, EventProperties.of(RULE, id, null));
            return null;
        });
    }

    @Override
    public List<OfferRuleDTO> rules() {
        return tx.required(em -> em.createQuery("SELECT r FROM OfferRuleEntity r ORDER BY r.priority DESC, r.key", OfferRuleEntity.class)
                .getResultList().stream().map(this::toDto).toList());
    }

    private void check(OfferRuleDTO rule) {
        FieldErrors errors = new FieldErrors();
        if (rule.key == null || !KEY.matcher(rule.key).matches()) {
            errors.invalid("key", "must be 1 to 80 lower-case letters, digits or dashes");
        }
        errors.required("name", rule.name).maxLength("name", rule.name, 200);
        if (rule.priority < 0 || rule.priority > 1000) {
            errors.invalid("priority", "must be from 0 to 1000");
        }
        if (rule.coolDownDays != null && (rule.coolDownDays < 0 || rule.coolDownDays > 3650)) {
            errors.invalid("coolDownDays", "must be from 0 to 3650");
        }
        if (rule.validFrom != null && rule.validThru != null && rule.validThru.isBefore(rule.validFrom)) {
            errors.invalid("validThru", "must not be before validFrom");
        }
        if (rule.conditions == null || rule.conditions.isEmpty()) {
            errors.invalid("conditions", "a rule needs at least one condition");
        } else {
            errors.addAll(engine.validate("conditions", rule.conditions));
        }
        checkOffer(rule.offer, errors);
        errors.throwIfAny();
        if (rule.active == null) {
            rule.active = Boolean.TRUE;
        }
    }

    private void checkOffer(OfferDefinitionDTO offer, FieldErrors errors) {
        if (offer == null) {
            errors.required("offer", null);
            return;
        }
        if (offer.source == null) {
            offer.source = OfferDefinitionDTO.BANKING_SOURCE;
        }
        errors.required("offer.code", offer.code).maxLength("offer.code", offer.code, 80).maxLength("offer.name", offer.name, 200)
                .maxLength("offer.description", offer.description, 2000);
        if (OfferDefinitionDTO.BANKING_SOURCE.equals(offer.source)) {
            errors.required("offer.name", offer.name);
            if (offer.productType != null) {
                offer.productType = offer.productType.toUpperCase(Locale.ROOT);
                if (!customFields.isActiveValue(BankingEntityTypes.ACCOUNT_TYPE_PICKLIST, offer.productType)) {
                    errors.invalid("offer.productType", "not a value of the " + BankingEntityTypes.ACCOUNT_TYPE_PICKLIST + " picklist");
                }
            }
        } else if (!sources.containsKey(offer.source)) {
            errors.invalid("offer.source", "no offer source '" + offer.source + "' is installed; known: "
                    + new java.util.TreeSet<>(union(sources.keySet())));
        } else if (offer.code != null && sources.get(offer.source).resolve(offer.code).isEmpty()) {
            errors.invalid("offer.code", "the " + offer.source + " source has no offer " + offer.code);
        }
    }

    private static Set<String> union(Set<String> external) {
        Set<String> all = new HashSet<>(external);
        all.add(OfferDefinitionDTO.BANKING_SOURCE);
        return all;
    }

    // ---- evaluation

    @Override
    public List<ProposedOfferDTO> offersFor(String partyId, int limit) {
        long party = visibleParty(partyId);
        LocalDate today = LocalDate.now(clock);
        List<OfferRuleDTO> candidates = candidates(party, today);
        EvaluationContext context = new EvaluationContext(partyId, today);
        List<ProposedOfferDTO> proposed = new ArrayList<>();
        for (OfferRuleDTO rule : candidates) {
            if (proposed.size() >= limit) {
                break;
            }
            Optional<OfferDefinitionDTO> offer = resolve(rule.offer);
            if (offer.isEmpty()) {
                continue; // its source left, or no longer has the offer
            }
            ConditionOutcome outcome = engine.evaluate(rule.conditions, context);
            if (outcome.holds()) {
                ProposedOfferDTO dto = new ProposedOfferDTO();
                dto.ruleId = rule.id;
                dto.ruleKey = rule.key;
                dto.priority = rule.priority;
                dto.rank = proposed.size() + 1;
                dto.offer = offer.get();
                dto.reasons.addAll(outcome.reasons());
                proposed.add(dto);
            }
        }
        return proposed;
    }

    private List<OfferRuleDTO> candidates(long party, LocalDate today) {
        return tx.required(em -> {
            List<OfferRuleDTO> rules = em.createQuery("SELECT r FROM OfferRuleEntity r WHERE r.active = :yes", OfferRuleEntity.class)
                    .setParameter("yes", true).getResultList().stream().map(this::toDto).toList();
            Map<String, Instant> lastRejections = new HashMap<>();
            Set<String> accepted = new HashSet<>();
            for (OfferDecisionEntity decision : em.createQuery("SELECT d FROM OfferDecisionEntity d WHERE d.partyId = :p ORDER BY d.decidedAt",
                    OfferDecisionEntity.class).setParameter("p", party).getResultList()) {
                String rule = Ids.format(decision.ruleId);
                if (OfferDecision.ACCEPTED.name().equals(decision.decision)) {
                    accepted.add(rule);
                } else {
                    lastRejections.put(rule, decision.decidedAt);
                }
            }
            return OfferRanking.candidates(rules, lastRejections, accepted, today);
        });
    }

    private Optional<OfferDefinitionDTO> resolve(OfferDefinitionDTO offer) {
        if (OfferDefinitionDTO.BANKING_SOURCE.equals(offer.source)) {
            return Optional.of(offer);
        }
        OfferSource source = sources.get(offer.source);
        return source == null ? Optional.empty() : source.resolve(offer.code);
    }

    // ---- decisions

    @Override
    public OfferDecisionDTO accept(String partyId, String ruleId, String note) {
        new FieldErrors().maxLength("note", note, 2000).throwIfAny();
        ProposedOfferDTO offer = proposed(partyId, ruleId);
        String followUp;
        OpportunityFollowUp sales = opportunities;
        if (sales != null) {
            followUp = sales.create(partyId, offer.offer, note);
        } else {
            followUp = "activity:" + plannedActivity(partyId, offer, note).id;
        }
        return decide(partyId, offer, OfferDecision.ACCEPTED, note, followUp);
    }

    @Override
    public OfferDecisionDTO reject(String partyId, String ruleId, String reason) {
        FieldErrors errors = new FieldErrors();
        errors.required("reason", reason == null || reason.isBlank() ? null : reason).maxLength("reason", reason, 2000);
        errors.throwIfAny();
        ProposedOfferDTO offer = proposed(partyId, ruleId);
        return decide(partyId, offer, OfferDecision.REJECTED, reason, null);
    }

    @Override
    public List<OfferDecisionDTO> decisions(String partyId) {
        long party = visibleParty(partyId);
        return tx.required(em -> em.createQuery("SELECT d FROM OfferDecisionEntity d WHERE d.partyId = :p ORDER BY d.decidedAt DESC, d.id DESC",
                OfferDecisionEntity.class).setParameter("p", party).getResultList().stream().map(OfferServiceImpl::toDto).toList());
    }

    /** The rule's offer as proposed to the party now; a 409 when it is not (conditions, cool-down, already accepted). */
    private ProposedOfferDTO proposed(String partyId, String ruleId) {
        long party = visibleParty(partyId);
        LocalDate today = LocalDate.now(clock);
        OfferRuleDTO rule = getRule(ruleId);
        boolean candidate = candidates(party, today).stream().anyMatch(r -> r.id.equals(rule.id));
        Optional<OfferDefinitionDTO> offer = resolve(rule.offer);
        ConditionOutcome outcome = candidate && offer.isPresent() ? engine.evaluate(rule.conditions, new EvaluationContext(partyId, today))
                : ConditionOutcome.fails();
        if (!outcome.holds()) {
            throw new ConflictException("ruleId", "the offer of rule " + rule.key + " is not proposed to this party now"
                    + " (its conditions, its validity, a cool-down after a rejection, or an earlier acceptance)");
        }
        ProposedOfferDTO dto = new ProposedOfferDTO();
        dto.ruleId = rule.id;
        dto.ruleKey = rule.key;
        dto.priority = rule.priority;
        dto.offer = offer.get();
        dto.reasons.addAll(outcome.reasons());
        return dto;
    }

    private ActivityDTO plannedActivity(String partyId, ProposedOfferDTO offer, String note) {
        ActivityDTO activity = new ActivityDTO();
        activity.type = ActivityTypes.TASK;
        activity.subject = "Follow up the accepted offer: " + offer.offer.name;
        activity.description = String.join("; ", offer.reasons) + (note == null ? "" : "\n" + note);
        activity.status = ActivityStatus.PLANNED;
        activity.dueAt = clock.instant().plus(Duration.ofDays(2));
        activity.participants.add(partyId);
        activity.links.add(BankingEntityTypes.MODULE + ":offer-rule:" + offer.ruleId);
        return activities.create(activity);
    }

    private OfferDecisionDTO decide(String partyId, ProposedOfferDTO offer, OfferDecision decision, String reason, String followUp) {
        OfferDecisionDTO recorded = tx.required(em -> {
            OfferDecisionEntity entity = new OfferDecisionEntity();
            entity.partyId = Long.parseLong(partyId);
            entity.ruleId = Long.parseLong(offer.ruleId);
            entity.ruleKey = offer.ruleKey;
            entity.offerName = offer.offer.name;
            entity.decision = decision.name();
            entity.reason = reason;
            entity.followUp = followUp;
            entity.decidedBy = callers.currentLogin();
            entity.decidedAt = clock.instant();
            em.persist(entity);
            em.flush();
            OfferDecisionDTO dto = toDto(entity);
            audit.created(em, BankingEntityTypes.OFFER_DECISION, dto.id, dto);
            events.record(em, decision == OfferDecision.ACCEPTED ? BankingTopics.OFFER_ACCEPTED : BankingTopics.OFFER_REJECTED,
                    EventProperties.of(BankingEntityTypes.OFFER_DECISION, dto.id, null, null,
                            Map.of("partyId", partyId, "ruleId", offer.ruleId)));
            return dto;
        });
        return recorded;
    }

    private long visibleParty(String partyId) {
        if (Ids.parse(partyId).isEmpty() || !scope.canAccessParty(partyId) || parties.find(partyId).isEmpty()) {
            throw new NotFoundException("PARTY", partyId);
        }
        return Long.parseLong(partyId);
    }

    private static OfferRuleEntity rule(EntityManager em, String id) {
        OfferRuleEntity entity = Ids.parse(id).map(key -> em.find(OfferRuleEntity.class, key)).orElse(null);
        if (entity == null) {
            throw new NotFoundException(RULE, id);
        }
        return entity;
    }

    private static void requireUniqueKey(EntityManager em, String key, Long exceptId) {
        List<Long> holders = em.createQuery("SELECT r.id FROM OfferRuleEntity r WHERE r.key = :k", Long.class).setParameter("k", key).getResultList();
        if (holders.stream().anyMatch(h -> !h.equals(exceptId))) {
            throw new ConflictException("key", "a rule with key " + key + " exists");
        }
    }

    private void copy(OfferRuleDTO from, OfferRuleEntity to) {
        to.key = from.key;
        to.name = from.name;
        to.priority = from.priority;
        to.active = from.active;
        to.validFrom = from.validFrom;
        to.validThru = from.validThru;
        to.coolDownDays = from.coolDownDays == null ? OfferRanking.DEFAULT_COOL_DOWN_DAYS : from.coolDownDays;
        try {
            to.conditionsJson = json.writeValueAsString(from.conditions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (to.conditionsJson.length() > 16000) {
            new FieldErrors().invalid("conditions", "at most 16000 characters of JSON").throwIfAny();
        }
        to.offerSource = from.offer.source;
        to.offerCode = from.offer.code;
        to.offerName = from.offer.name;
        to.offerProductType = from.offer.productType;
        to.offerDescription = from.offer.description;
        to.updatedAt = clock.instant();
    }

    private OfferRuleDTO toDto(OfferRuleEntity entity) {
        OfferRuleDTO dto = new OfferRuleDTO();
        dto.id = Ids.format(entity.id);
        dto.key = entity.key;
        dto.name = entity.name;
        dto.priority = entity.priority;
        dto.active = entity.active;
        dto.validFrom = entity.validFrom;
        dto.validThru = entity.validThru;
        dto.coolDownDays = entity.coolDownDays;
        try {
            dto.conditions = json.readValue(entity.conditionsJson, new TypeReference<List<ConditionDTO>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OfferDefinitionDTO offer = new OfferDefinitionDTO();
        offer.source = entity.offerSource;
        offer.code = entity.offerCode;
        offer.name = entity.offerName;
        offer.productType = entity.offerProductType;
        offer.description = entity.offerDescription;
        dto.offer = offer;
        dto.version = entity.version;
        dto.createdAt = entity.createdAt;
        dto.updatedAt = entity.updatedAt;
        return dto;
    }

    static OfferDecisionDTO toDto(OfferDecisionEntity entity) {
        OfferDecisionDTO dto = new OfferDecisionDTO();
        dto.id = Ids.format(entity.id);
        dto.partyId = Ids.format(entity.partyId);
        dto.ruleId = Ids.format(entity.ruleId);
        dto.ruleKey = entity.ruleKey;
        dto.offerName = entity.offerName;
        dto.decision = OfferDecision.valueOf(entity.decision);
        dto.reason = entity.reason;
        dto.followUp = entity.followUp;
        dto.decidedBy = entity.decidedBy;
        dto.decidedAt = entity.decidedAt;
        return dto;
    }
}
