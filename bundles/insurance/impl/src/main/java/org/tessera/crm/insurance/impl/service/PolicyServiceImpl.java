package org.tessera.crm.insurance.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.kit.CustomValuesJson;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ReadOnly;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.insurance.api.CoverageDTO;
import org.tessera.crm.insurance.api.EndorsementDTO;
import org.tessera.crm.insurance.api.HouseholdInsuranceDTO;
import org.tessera.crm.insurance.api.Insurance;
import org.tessera.crm.insurance.api.PolicyDTO;
import org.tessera.crm.insurance.api.PolicyQuery;
import org.tessera.crm.insurance.api.PolicyService;
import org.tessera.crm.insurance.api.PolicyStatus;
import org.tessera.crm.insurance.api.PolicyTransitionDTO;
import org.tessera.crm.insurance.api.RenewalRunDTO;
import org.tessera.crm.insurance.impl.entity.CoverageValue;
import org.tessera.crm.insurance.impl.entity.PolicyEntity;
import org.tessera.crm.insurance.impl.entity.RevisionValue;
import org.tessera.crm.insurance.impl.link.HouseholdMembers;
import org.tessera.crm.insurance.impl.rules.PolicyTransitions;
import org.tessera.crm.insurance.impl.rules.RenewalTerms;
import org.tessera.crm.insurance.impl.rules.Revisions;

/**
 * Policy terms in the pack's tables. The policyholder is a core party: a term whose holder the
 * caller may not see does not exist for them. Endorsements add revisions, renewals add terms:
 * neither ever rewrites what a term covered on a past date.
 */
@Component(service = PolicyService.class)
public class PolicyServiceImpl implements PolicyService {
    /** The health declaration is masked in the audit trail. */
    static final Set<String> SENSITIVE = Set.of("health");

    private final Tx tx;
    private final PartyService parties;
    private final RecordScope scope;
    private final CallerContext callers;
    private final ValidationService validation;
    private final CustomFieldService customFields;
    private final ActivityService activities;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final PolicyChecks checks;
    private final Households households;
    private final Clock clock;
    /** The banking pack's household memberships, while it is installed. */
    private volatile HouseholdMembers householdMembers;

    @Activate
    public PolicyServiceImpl(@Reference(target = InsuranceUnit.TX) Tx tx, @Reference PartyService parties,
            @Reference RecordScope scope, @Reference CallerContext callers, @Reference ValidationService validation,
            @Reference CustomFieldService customFields, @Reference ActivityService activities,
            @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder) {
        this(tx, parties, scope, callers, validation, customFields, activities, events, auditRecorder, Clock.systemUTC());
    }

    PolicyServiceImpl(Tx tx, PartyService parties, RecordScope scope, CallerContext callers, ValidationService validation,
            CustomFieldService customFields, ActivityService activities, DomainEventPublisher events, AuditRecorder auditRecorder,
            Clock clock) {
        this.tx = tx;
        this.parties = parties;
        this.scope = scope;
        this.callers = callers;
        this.validation = validation;
        this.customFields = customFields;
        this.activities = activities;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder, SENSITIVE);
        this.checks = new PolicyChecks(parties, scope);
        this.households = new Households(tx, parties, scope, () -> householdMembers);
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindHouseholdMembers(HouseholdMembers members) {
        this.householdMembers = members;
    }

    void unbindHouseholdMembers(HouseholdMembers members) {
        if (this.householdMembers == members) {
            this.householdMembers = null;
        }
    }

    @Override
    public PolicyDTO create(PolicyDTO draft) {
        if (draft == null) {
            throw new ValidationException(FieldError.required("body"));
        }
        PolicyStatus status = draft.status == null ? PolicyStatus.QUOTE : draft.status;
        if (status != PolicyStatus.QUOTE && status != PolicyStatus.IN_FORCE) {
            throw new ValidationException(FieldError.invalid("status", "a policy starts as QUOTE or IN_FORCE"));
        }
        Written written = checkWritable(draft, null, true);
        PolicyDTO created = tx.required(em -> {
            requireUniqueNumber(em, draft.number.strip());
            PolicyEntity e = new PolicyEntity();
            e.number = draft.number.strip();
            e.termNumber = 1;
            e.status = status.name();
            copyWritable(draft, written, e);
            e.effectiveDate = draft.effectiveDate;
            e.expiryDate = draft.expiryDate;
            e.premium = draft.premium;
            e.revisions.add(revision(0, draft.effectiveDate, draft.premium, "issued"));
            draft.coverages.forEach(c -> e.coverages.add(PolicyMapper.toValue(c, 0)));
            e.createdAt = now();
            e.updatedAt = e.createdAt;
            em.persist(e);
            em.flush();
            PolicyDTO after = toDto(em, e, null);
            audit.created(em, Insurance.POLICY, after.id, after);
            record(em, "CREATED", after, List.of());
            return after;
        });
        return created;
    }

    @Override
    public PolicyDTO get(String id, LocalDate asOf) {
        return tx.required(em -> {
            PolicyEntity e = visible(em, id, true);
            if (asOf != null && (asOf.isBefore(e.effectiveDate) || !asOf.isBefore(e.expiryDate))) {
                throw new ValidationException(FieldError.invalid("asOf", "outside the term " + e.effectiveDate + " – " + e.expiryDate
                        + "; read the term of that date"));
            }
            return toDto(em, e, asOf);
        });
    }

    @Override
    public PolicyDTO update(String id, Long expectedVersion, PolicyDTO desired) {
        if (desired == null) {
            throw new ValidationException(FieldError.required("body"));
        }
        PolicyDTO updated = tx.required(em -> {
            PolicyEntity e = visible(em, id);
            Versions.check(Insurance.POLICY, id, expectedVersion, e.version);
            PolicyDTO before = toDto(em, e, null);
            // the dated and server-owned fields are the term's; only the others are replaced here
            desired.effectiveDate = e.effectiveDate;
            desired.expiryDate = e.expiryDate;
            desired.premium = e.premium;
            desired.number = e.number;
            desired.coverages = List.of(); // unchanged: coverages change by endorsement
            if (desired.health == null && !callers.permits(InsurancePermissions.HEALTH_READ)) {
                desired.health = PolicyMapper.readHealth(e.healthJson); // not shown, so not erased
            }
            Written written = checkWritable(desired, before, false);
            copyWritable(desired, written, e);
            e.updatedAt = now();
            em.flush();
            PolicyDTO after = toDto(em, e, null);
            audit.updated(em, Insurance.POLICY, id, before, after);
            record(em, "UPDATED", after, List.of());
            return after;
        });
        return updated;
    }

    @Override
    public PolicyDTO endorse(String id, Long expectedVersion, EndorsementDTO endorsement) {
        if (endorsement == null || endorsement.effectiveDate == null) {
            throw new ValidationException(FieldError.required("effectiveDate"));
        }
        PolicyDTO endorsed = tx.required(em -> {
            PolicyEntity e = visible(em, id);
            Versions.check(Insurance.POLICY, id, expectedVersion, e.version);
            PolicyDTO before = toDto(em, e, endorsement.effectiveDate.isBefore(e.effectiveDate) ? null : clamp(e, endorsement.effectiveDate));
            FieldErrors errors = new FieldErrors();
            errors.maxLength("reason", endorsement.reason, 200);
            if (!PolicyStatus.valueOf(e.status).inForce()) {
                errors.invalid("status", "only a term in force can be endorsed; this one is " + e.status);
            }
            LocalDate latest = e.revisions.stream().map(r -> r.validFrom).max(LocalDate::compareTo).orElse(e.effectiveDate);
            if (endorsement.effectiveDate.isBefore(latest) || !endorsement.effectiveDate.isBefore(e.expiryDate)) {
                errors.invalid("effectiveDate", "must fall in the term, on or after the last revision's date " + latest);
            }
            if (endorsement.premium != null && endorsement.premium.signum() < 0) {
                errors.invalid("premium", "must not be negative");
            }
            int current = Revisions.at(e.revisions, latest).orElseThrow().revision;
            List<CoverageDTO> coverages = endorsement.coverages != null ? endorsement.coverages
                    : Revisions.coveragesOf(e.coverages, current).stream().map(PolicyMapper::toDto).toList();
            if (endorsement.coverages != null) {
                PolicyDTO probe = new PolicyDTO();
                probe.coverages = coverages;
                probe.effectiveDate = e.effectiveDate;
                probe.expiryDate = e.expiryDate;
                checks.checkCoverages("coverages", probe, errors);
            }
            errors.throwIfAny();
            int next = Revisions.next(e.revisions);
            BigDecimal premium = endorsement.premium != null ? endorsement.premium : e.premium;
            e.revisions.add(revision(next, endorsement.effectiveDate, premium, endorsement.reason == null ? "endorsement" : endorsement.reason));
            coverages.forEach(c -> e.coverages.add(PolicyMapper.toValue(c, next)));
            e.premium = premium;
            e.currentRevision = next;
            e.updatedAt = now();
            em.flush();
            PolicyDTO after = toDto(em, e, endorsement.effectiveDate);
            audit.updated(em, Insurance.POLICY, id, before, after);
            record(em, "ENDORSED", after, List.of("revisions", "coverages", "premium"));
            return after;
        });
        return endorsed;
    }

    @Override
    public PolicyDTO transition(String id, Long expectedVersion, PolicyTransitionDTO transition) {
        if (transition == null) {
            throw new ValidationException(FieldError.required("status"));
        }
        if (transition.status == PolicyStatus.RENEWED) {
            throw new ValidationException(FieldError.invalid("status", "a term is renewed through POST /policies/{id}/renewals or a renewal run"));
        }
        PolicyDTO changed = tx.required(em -> {
            PolicyEntity e = visible(em, id);
            Versions.check(Insurance.POLICY, id, expectedVersion, e.version);
            PolicyDTO before = toDto(em, e, null);
            PolicyTransitions.check(PolicyStatus.valueOf(e.status), transition.status);
            if (transition.status == PolicyStatus.CANCELLED) {
                FieldErrors errors = new FieldErrors();
                errors.required("reason", PolicyChecks.blank(transition.reason)).maxLength("reason", transition.reason, 200);
                LocalDate date = transition.date != null ? transition.date : today();
                if (date.isBefore(e.effectiveDate) || date.isAfter(e.expiryDate)) {
                    errors.invalid("date", "the cancellation date must fall in the term");
                }
                errors.throwIfAny();
                e.cancellationDate = date;
                e.cancellationReason = transition.reason.strip();
            } else if (transition.status == PolicyStatus.REINSTATED) {
                e.cancellationDate = null;
                e.cancellationReason = null;
            }
            e.status = transition.status.name();
            e.updatedAt = now();
            em.flush();
            PolicyDTO after = toDto(em, e, null);
            audit.updated(em, Insurance.POLICY, id, before, after);
            record(em, transition.status.name(), after, List.of("status"));
            return after;
        });
        return changed;
    }

    @Override
    public PolicyDTO renew(String id, Long expectedVersion, RenewalRunDTO terms) {
        RenewalRunDTO how = terms == null ? new RenewalRunDTO() : terms;
        PolicyDTO[] renewed = new PolicyDTO[2];
        tx.required(em -> {
            PolicyEntity old = visible(em, id);
            Versions.check(Insurance.POLICY, id, expectedVersion, old.version);
            if (!RenewalTerms.renewable(old.status)) {
                throw new ValidationException(FieldError.invalid("status", "only a term in force can be renewed; this one is " + old.status));
            }
            if (how.premiumFactor != null && how.premiumFactor.signum() <= 0) {
                throw new ValidationException(FieldError.invalid("premiumFactor", "must be positive"));
            }
            PolicyDTO oldBefore = toDto(em, old, null);
            PolicyEntity next = new PolicyEntity();
            next.number = old.number;
            next.termNumber = old.termNumber + 1;
            next.renewedFromId = old.id;
            next.lineOfBusiness = old.lineOfBusiness;
            next.product = old.product;
            next.status = how.asQuotes ? PolicyStatus.QUOTE.name() : PolicyStatus.IN_FORCE.name();
            next.effectiveDate = old.expiryDate;
            next.expiryDate = RenewalTerms.expiry(old.effectiveDate, old.expiryDate);
            next.premium = RenewalTerms.premium(old.premium, how.premiumFactor);
            next.premiumFrequency = old.premiumFrequency;
            next.billingMethod = old.billingMethod;
            next.currency = old.currency;
            next.carrier = old.carrier;
            next.paidThrough = old.paidThrough;
            next.agentId = old.agentId;
            next.orgUnitId = old.orgUnitId;
            next.holderPartyId = old.holderPartyId;
            next.healthJson = old.healthJson;
            next.customValues.putAll(old.customValues);
            next.revisions.add(revision(0, next.effectiveDate, next.premium, "renewal"));
            LocalDate lastDay = old.expiryDate.minusDays(1);
            int lastRevision = Revisions.at(old.revisions, lastDay).orElseThrow().revision;
            for (CoverageValue c : Revisions.coveragesOn(old.coverages, lastRevision, lastDay)) {
                CoverageValue copy = PolicyMapper.toValue(PolicyMapper.toDto(c), 0);
                copy.effectiveFrom = null;
                copy.effectiveTo = null;
                next.coverages.add(copy);
            }
            old.participants.stream().filter(p -> p.thru == null || !p.thru.isBefore(old.expiryDate)).forEach(p -> {
                var copy = PolicyMapper.toValue(PolicyMapper.toDto(p));
                copy.from = null;
                copy.thru = null;
                next.participants.add(copy);
            });
            next.createdAt = now();
            next.updatedAt = next.createdAt;
            em.persist(next);
            old.status = PolicyStatus.RENEWED.name();
            old.updatedAt = next.createdAt;
            em.flush();
            renewed[0] = toDto(em, next, null);
            renewed[1] = toDto(em, old, null);
            audit.created(em, Insurance.POLICY, renewed[0].id, renewed[0]);
            audit.updated(em, Insurance.POLICY, id, oldBefore, renewed[1]);
            record(em, "RENEWED", renewed[1], List.of("status"));
            record(em, "CREATED", renewed[0], List.of());
            return null;
        });
        planReminder(renewed[0], renewed[1].expiryDate, how.reminderDaysBefore);
        return renewed[0];
    }

    /** The agent's planned reminder, a core activity linked to both terms; nothing when the term has no agent. */
    private void planReminder(PolicyDTO term, LocalDate oldExpiry, int daysBefore) {
        if (term.agentId == null) {
            return;
        }
        activities.create(RenewalReminders.of(term.id, term.renewedFromId, term.number, term.agentId, term.holderPartyId,
                oldExpiry.minusDays(daysBefore)));
    }

    @Override
    public Page<PolicyDTO> search(PolicyQuery query) {
        KeysetCursor.checkLimit(query.limit);
        ScopeFilter filter = ScopeFilter.of(scope);
        Long party = query.partyId == null ? null : Ids.parse(query.partyId).orElse(-1L);
        return tx.required(em -> {
            List<PolicyEntity> fetched = JpqlQuery.of("SELECT p FROM PolicyEntity p")
                    .where(filter.condition("p.holderPartyId"))
                    .where("p.number = :number", "number", query.number)
                    .where("p.status = :status", "status", query.status == null ? null : query.status.name())
                    .where("p.lineOfBusiness = :line", "line", query.lineOfBusiness)
                    .where("p.id IN (SELECT q.id FROM PolicyEntity q JOIN q.participants pp WHERE pp.partyId = :party)", "party", party)
                    .where("p.id > :after", "after", KeysetCursor.afterId(query.cursor))
                    .create(em, "p.id", PolicyEntity.class).setMaxResults(query.limit + 1).getResultList();
            return Pages.byId(fetched, query.limit, p -> p.id, p -> toDto(em, p, null));
        });
    }

    @Override
    public ImportReport importPolicies(Iterator<ImportRow<PolicyDTO>> rows) {
        return new PolicyImport(this).run(rows);
    }

    @Override
    public HouseholdInsuranceDTO household(String partyId) {
        return households.rollup(partyId, today());
    }

    /** The latest term of a number, as the caller may see it, or {@code null}. */
    PolicyDTO latestTerm(String number) {
        return tx.required(em -> {
            List<PolicyEntity> terms = em.createQuery("SELECT p FROM PolicyEntity p WHERE p.number = :n ORDER BY p.termNumber DESC",
                    PolicyEntity.class).setParameter("n", number).setMaxResults(1).getResultList();
            if (terms.isEmpty()) {
                return null;
            }
            if (!scope.canAccessParty(String.valueOf(terms.get(0).holderPartyId))) {
                throw new ConflictException("number", "a policy with this number exists outside your perimeter");
            }
            return toDto(em, terms.get(0), null);
        });
    }

    /** The coverages and the premium of a term on a date, for the claims. */
    PolicyEntity termFor(EntityManager em, String id) {
        return visible(em, id);
    }

    PolicyDTO toDto(EntityManager em, PolicyEntity e, LocalDate asOf) {
        Long renewedBy = e.status.equals(PolicyStatus.RENEWED.name())
                ? em.createQuery("SELECT p.id FROM PolicyEntity p WHERE p.renewedFromId = :id", Long.class).setParameter("id", e.id)
                        .getResultList().stream().findFirst().orElse(null)
                : null;
        return PolicyMapper.toDto(e, asOf != null ? asOf : PolicyMapper.defaultAsOf(e, today()),
                callers.permits(InsurancePermissions.HEALTH_READ), renewedBy);
    }

    private record Written(Long holder, Map<String, String> customValues) {
    }

    private Written checkWritable(PolicyDTO d, PolicyDTO previous, boolean withCoverages) {
        FieldErrors errors = new FieldErrors();
        checks.checkTerm(d, d.lineOfBusiness == null || customFields.isActiveValue(Insurance.LINE_PICKLIST, d.lineOfBusiness), errors);
        if (withCoverages) {
            checks.checkCoverages("coverages", d, errors);
        }
        String holder = checks.checkParticipants(d, errors).orElse(null);
        if (d.health != null && !Objects.equals(PolicyMapper.write(d.health), previous == null ? null : PolicyMapper.write(previous.health))
                && !callers.permits(InsurancePermissions.HEALTH_WRITE)) {
            throw new ForbiddenException("health", "writing health data needs " + InsurancePermissions.HEALTH_WRITE);
        }
        Map<String, Object> custom = d.customFields == null ? Map.of() : d.customFields;
        errors.throwIfAny();
        Map<String, Object> normalized = customFields.normalize(Insurance.POLICY, custom, false);
        validation.validate(Insurance.POLICY, d, previous);
        return new Written(Ids.parse(holder).orElseThrow(), CustomValuesJson.encode(normalized));
    }

    private static void copyWritable(PolicyDTO d, Written written, PolicyEntity e) {
        e.lineOfBusiness = d.lineOfBusiness.strip();
        e.product = PolicyChecks.blank(d.product);
        e.premiumFrequency = d.premiumFrequency;
        e.billingMethod = d.billingMethod;
        e.currency = d.currency == null ? "EUR" : d.currency;
        e.carrier = PolicyChecks.blank(d.carrier);
        e.paidThrough = d.paidThrough;
        e.agentId = Ids.parse(d.agentId).orElse(null);
        e.orgUnitId = Ids.parse(d.orgUnitId).orElse(null);
        e.holderPartyId = written.holder();
        e.healthJson = PolicyMapper.write(d.health);
        e.participants.clear();
        d.participants.forEach(p -> e.participants.add(PolicyMapper.toValue(p)));
        e.customValues.clear();
        e.customValues.putAll(written.customValues());
    }

    private RevisionValue revision(int number, LocalDate validFrom, BigDecimal premium, String reason) {
        RevisionValue r = new RevisionValue();
        r.revision = number;
        r.validFrom = validFrom;
        r.premium = premium;
        r.reason = reason;
        r.recordedAt = now();
        return r;
    }

    private PolicyEntity visible(EntityManager em, String id) {
        return visible(em, id, false);
    }

    /**
     * {@code readOnly} for a read that writes nothing: the term and its collections are then not
     * registered in the unit of work, so neither cloned on the way in nor compared at commit.
     */
    private PolicyEntity visible(EntityManager em, String id, boolean readOnly) {
        Long key = Ids.parse(id).orElse(null);
        PolicyEntity e = key == null ? null
                : readOnly ? ReadOnly.find(em, PolicyEntity.class, key) : em.find(PolicyEntity.class, key);
        if (e == null || !scope.canAccessParty(String.valueOf(e.holderPartyId))) {
            throw new NotFoundException(Insurance.POLICY, id);
        }
        return e;
    }

    private static void requireUniqueNumber(EntityManager em, String number) {
        if (!em.createQuery("SELECT p.id FROM PolicyEntity p WHERE p.number = :n", Long.class).setParameter("n", number)
                .setMaxResults(1).getResultList().isEmpty()) {
            throw new ConflictException("number", "a policy numbered " + number + " exists");
        }
    }

    private static LocalDate clamp(PolicyEntity e, LocalDate date) {
        return date.isBefore(e.expiryDate) ? date : e.expiryDate.minusDays(1);
    }

    private void record(EntityManager em, String what, PolicyDTO policy, List<String> changed) {
        events.record(em, Insurance.POLICY_TOPIC + what, EventProperties.of(Insurance.POLICY, policy.id, policy.version, changed, Map.of()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
