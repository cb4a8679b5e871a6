package org.tessera.crm.insurance.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.kit.CustomValuesJson;
import org.tessera.crm.core.kit.Decimals;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.insurance.api.ClaimAmountDTO;
import org.tessera.crm.insurance.api.ClaimDTO;
import org.tessera.crm.insurance.api.ClaimParticipantDTO;
import org.tessera.crm.insurance.api.ClaimPaymentDTO;
import org.tessera.crm.insurance.api.ClaimQuery;
import org.tessera.crm.insurance.api.ClaimService;
import org.tessera.crm.insurance.api.ClaimStatus;
import org.tessera.crm.insurance.api.Insurance;
import org.tessera.crm.insurance.api.PolicyService;
import org.tessera.crm.insurance.api.PolicyStatus;
import org.tessera.crm.insurance.impl.entity.ClaimAmountValue;
import org.tessera.crm.insurance.impl.entity.ClaimEntity;
import org.tessera.crm.insurance.impl.entity.ClaimParticipantValue;
import org.tessera.crm.insurance.impl.entity.ClaimPaymentValue;
import org.tessera.crm.insurance.impl.entity.CoverageValue;
import org.tessera.crm.insurance.impl.entity.PolicyEntity;
import org.tessera.crm.insurance.impl.link.ServiceRequestLink;
import org.tessera.crm.insurance.impl.rules.ClaimTransitions;
import org.tessera.crm.insurance.impl.rules.PaymentRules;
import org.tessera.crm.insurance.impl.rules.Revisions;

/**
 * Claims on policy terms. The loss date picks the term of the policy it fell in; every claimed
 * coverage must have been effective in that term's revision of the loss date. Payments are
 * checked against the approved amount and the coverage's limit net of its deductible.
 */
@Component(service = ClaimService.class)
public class ClaimServiceImpl implements ClaimService {
    private final Tx tx;
    private final PolicyService policies;
    private final PartyService parties;
    private final RecordScope scope;
    private final ValidationService validation;
    private final CustomFieldService customFields;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock;
    /** Present while the service module is installed. */
    private volatile ServiceRequestLink serviceRequests;

    @Activate
    public ClaimServiceImpl(@Reference(target = InsuranceUnit.TX) Tx tx, @Reference PolicyService policies, @Reference PartyService parties, @Reference RecordScope scope,
            @Reference ValidationService validation, @Reference CustomFieldService customFields, @Reference DomainEventPublisher events,
            @Reference AuditRecorder auditRecorder) {
        this(tx, policies, parties, scope, validation, customFields, events, auditRecorder, Clock.systemUTC());
    }

    ClaimServiceImpl(Tx tx, PolicyService policies, PartyService parties, RecordScope scope, ValidationService validation, CustomFieldService customFields,
            DomainEventPublisher events, AuditRecorder auditRecorder, Clock clock) {
        this.tx = tx;
        this.policies = policies;
        this.parties = parties;
        this.scope = scope;
        this.validation = validation;
        this.customFields = customFields;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindServiceRequests(ServiceRequestLink link) {
        this.serviceRequests = link;
    }

    void unbindServiceRequests(ServiceRequestLink link) {
        if (this.serviceRequests == link) {
            this.serviceRequests = null;
        }
    }

    @Override
    public ClaimDTO report(ClaimDTO draft) {
        if (draft == null) {
            throw new ValidationException(FieldError.required("body"));
        }
        ClaimDTO reported = tx.required(em -> {
            FieldErrors errors = new FieldErrors();
            errors.required("number", PolicyChecks.blank(draft.number)).maxLength("number", draft.number, 40)
                    .required("policyId", PolicyChecks.blank(draft.policyId)).required("lossDate", draft.lossDate);
            errors.throwIfAny();
            PolicyEntity named = visiblePolicy(em, draft.policyId);
            LocalDate reportedDate = draft.reportedDate != null ? draft.reportedDate : today();
            if (draft.lossDate.isAfter(today())) {
                errors.invalid("lossDate", "must not be in the future");
            }
            if (reportedDate.isBefore(draft.lossDate)) {
                errors.invalid("reportedDate", "must not be before the loss date");
            }
            errors.throwIfAny();
            PolicyEntity term = termOfLoss(em, named, draft.lossDate);
            ClaimEntity e = new ClaimEntity();
            e.number = draft.number.strip();
            e.policyId = term.id;
            e.holderPartyId = term.holderPartyId;
            e.lossDate = draft.lossDate;
            e.reportedDate = reportedDate;
            e.status = ClaimStatus.REPORTED.name();
            copyWritable(em, draft, null, term, e);
            e.createdAt = now();
            e.updatedAt = e.createdAt;
            requireUniqueNumber(em, e.number);
            em.persist(e);
            em.flush();
            ClaimDTO after = ClaimMapper.toDto(e, term.number);
            audit.created(em, Insurance.CLAIM, after.id, after);
            record(em, "REPORTED", after, List.of());
            return after;
        });
        return reported;
    }

    @Override
    public ClaimDTO get(String id) {
        return tx.required(em -> {
            ClaimEntity e = visible(em, id);
            return ClaimMapper.toDto(e, em.find(PolicyEntity.class, e.policyId).number);
        });
    }

    @Override
    public ClaimDTO update(String id, Long expectedVersion, ClaimDTO desired) {
        if (desired == null) {
            throw new ValidationException(FieldError.required("body"));
        }
        ClaimDTO updated = tx.required(em -> {
            ClaimEntity e = visible(em, id);
            Versions.check(Insurance.CLAIM, id, expectedVersion, e.version);
            PolicyEntity term = em.find(PolicyEntity.class, e.policyId);
            ClaimDTO before = ClaimMapper.toDto(e, term.number);
            copyWritable(em, desired, before, term, e);
            e.updatedAt = now();
            em.flush();
            ClaimDTO after = ClaimMapper.toDto(e, term.number);
            audit.updated(em, Insurance.CLAIM, id, before, after);
            record(em, "UPDATED", after, List.of());
            return after;
        });
        return updated;
    }

    @Override
    public ClaimDTO transition(String id, Long expectedVersion, ClaimStatus status) {
        ClaimDTO changed = tx.required(em -> {
            ClaimEntity e = visible(em, id);
            Versions.check(Insurance.CLAIM, id, expectedVersion, e.version);
            PolicyEntity term = em.find(PolicyEntity.class, e.policyId);
            ClaimDTO before = ClaimMapper.toDto(e, term.number);
            ClaimTransitions.check(ClaimStatus.valueOf(e.status), status);
            if (status == ClaimStatus.APPROVED && e.amounts.stream().noneMatch(a -> a.approved != null && a.approved.signum() > 0)) {
                throw new ValidationException(FieldError.invalid("amounts", "approve an amount on a coverage first"));
            }
            if (status == ClaimStatus.PAID && e.payments.isEmpty()) {
                throw new ValidationException(FieldError.invalid("status", "a claim becomes PAID with its first payment"));
            }
            e.status = status.name();
            e.updatedAt = now();
            em.flush();
            ClaimDTO after = ClaimMapper.toDto(e, term.number);
            audit.updated(em, Insurance.CLAIM, id, before, after);
            record(em, status.name(), after, List.of("status"));
            return after;
        });
        return changed;
    }

    @Override
    public ClaimDTO pay(String id, Long expectedVersion, ClaimPaymentDTO payment) {
        if (payment == null) {
            throw new ValidationException(FieldError.required("amount"));
        }
        ClaimDTO paid = tx.required(em -> {
            ClaimEntity e = visible(em, id);
            Versions.check(Insurance.CLAIM, id, expectedVersion, e.version);
            ClaimStatus status = ClaimStatus.valueOf(e.status);
            if (status != ClaimStatus.APPROVED && status != ClaimStatus.PAID) {
                throw new ValidationException(new FieldError("status", "not_approved", "only an approved claim is paid; this one is " + status));
            }
            PolicyEntity term = em.find(PolicyEntity.class, e.policyId);
            ClaimAmountValue amount = e.amounts.stream().filter(a -> a.coverageCode.equals(payment.coverageCode)).findFirst()
                    .orElseThrow(() -> new ValidationException(FieldError.invalid("coverageCode", "the claim claims nothing on this coverage")));
            if (payment.amount != null) {
                Decimals.bounded("amount", payment.amount);
            }
            CoverageValue coverage = coverageOn(term, amount.coverageCode, e.lossDate).orElseThrow();
            PaymentRules.check(payment.amount, ClaimMapper.paid(e, amount.coverageCode), amount.approved, coverage.limit, coverage.deductible);
            ClaimDTO before = ClaimMapper.toDto(e, term.number);
            ClaimPaymentValue value = new ClaimPaymentValue();
            value.coverageCode = amount.coverageCode;
            value.amount = payment.amount;
            value.paidOn = payment.paidOn != null ? payment.paidOn : today();
            e.payments.add(value);
            e.status = ClaimStatus.PAID.name();
            e.updatedAt = now();
            em.flush();
            ClaimDTO after = ClaimMapper.toDto(e, term.number);
            audit.updated(em, Insurance.CLAIM, id, before, after);
            record(em, "PAID", after, List.of("payments", "status"));
            return after;
        });
        return paid;
    }

    @Override
    public ClaimDTO openServiceRequest(String id, Long expectedVersion) {
        ServiceRequestLink link = serviceRequests;
        if (link == null) {
            throw new ConflictException("serviceRequestId", "the service module is not installed");
        }
        ClaimDTO claim = get(id);
        Versions.check(Insurance.CLAIM, id, expectedVersion, claim.version);
        if (claim.serviceRequestId != null) {
            throw new ConflictException("serviceRequestId", "the claim is already handled by service request " + claim.serviceRequestId);
        }
        String requestId = link.open(claim, policies.get(claim.policyId, claim.lossDate));
        ClaimDTO linked = tx.required(em -> {
            ClaimEntity e = visible(em, id);
            ClaimDTO before = ClaimMapper.toDto(e, claim.policyNumber);
            e.serviceRequestId = requestId;
            e.updatedAt = now();
            em.flush();
            ClaimDTO after = ClaimMapper.toDto(e, claim.policyNumber);
            audit.updated(em, Insurance.CLAIM, id, before, after);
            record(em, "UPDATED", after, List.of("serviceRequestId"));
            return after;
        });
        return linked;
    }

    @Override
    public Page<ClaimDTO> search(ClaimQuery query) {
        KeysetCursor.checkLimit(query.limit);
        ScopeFilter filter = ScopeFilter.of(scope);
        Long policy = query.policyId == null ? null : Ids.parse(query.policyId).orElse(-1L);
        Long party = query.partyId == null ? null : Ids.parse(query.partyId).orElse(-1L);
        return tx.required(em -> {
            List<ClaimEntity> fetched = JpqlQuery.of("SELECT c FROM ClaimEntity c")
                    .where(filter.condition("c.holderPartyId"))
                    .where("c.policyId = :policy", "policy", policy)
                    .where("c.status = :status", "status", query.status == null ? null : query.status.name())
                    .where("c.policyId IN (SELECT q.id FROM PolicyEntity q JOIN q.participants pp WHERE pp.partyId = :party)", "party", party)
                    .where("c.id > :after", "after", KeysetCursor.afterId(query.cursor))
                    .create(em, "c.id", ClaimEntity.class).setMaxResults(query.limit + 1).getResultList();
            return Pages.byId(fetched, query.limit, c -> c.id, c -> ClaimMapper.toDto(c, em.find(PolicyEntity.class, c.policyId).number));
        });
    }

    /** The term of the policy the loss date falls in, among the named term and its siblings of the same number. */
    private static PolicyEntity termOfLoss(EntityManager em, PolicyEntity named, LocalDate lossDate) {
        PolicyEntity term = covers(named, lossDate) ? named
                : em.createQuery("SELECT p FROM PolicyEntity p WHERE p.number = :n AND p.effectiveDate <= :d AND p.expiryDate > :d",
                        PolicyEntity.class).setParameter("n", named.number).setParameter("d", lossDate).getResultList()
                        .stream().findFirst().orElse(null);
        if (term == null) {
            throw new ValidationException(FieldError.invalid("lossDate", "falls in no term of policy " + named.number));
        }
        if (PolicyStatus.QUOTE.name().equals(term.status)) {
            throw new ValidationException(FieldError.invalid("lossDate", "the term of " + lossDate + " is a quote: it covers nothing"));
        }
        if (term.cancellationDate != null && !lossDate.isBefore(term.cancellationDate)) {
            throw new ValidationException(FieldError.invalid("lossDate", "the term was cancelled on " + term.cancellationDate));
        }
        return term;
    }

    private static boolean covers(PolicyEntity term, LocalDate date) {
        return !date.isBefore(term.effectiveDate) && date.isBefore(term.expiryDate);
    }

    static Optional<CoverageValue> coverageOn(PolicyEntity term, String code, LocalDate date) {
        int revision = Revisions.at(term.revisions, date).map(r -> r.revision).orElse(0);
        return Revisions.coveragesOn(term.coverages, revision, date).stream().filter(c -> c.code.equals(code)).findFirst();
    }

    private void copyWritable(EntityManager em, ClaimDTO d, ClaimDTO previous, PolicyEntity term, ClaimEntity e) {
        FieldErrors errors = new FieldErrors();
        errors.required("type", PolicyChecks.blank(d.type)).maxLength("type", d.type, 40).maxLength("description", d.description, 2000);
        List<ClaimAmountDTO> amounts = d.amounts == null ? List.of() : d.amounts;
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < amounts.size(); i++) {
            String at = "amounts[" + i + "]";
            ClaimAmountDTO a = amounts.get(i);
            if (a == null || PolicyChecks.blank(a.coverageCode) == null) {
                errors.add(FieldError.required(at + ".coverageCode"));
                continue;
            }
            if (!codes.add(a.coverageCode)) {
                errors.invalid(at + ".coverageCode", "appears twice");
            }
            Optional<CoverageValue> coverage = coverageOn(term, a.coverageCode, e.lossDate);
            if (coverage.isEmpty()) {
                errors.add(new FieldError(at + ".coverageCode", "not_covered", "coverage " + a.coverageCode
                        + " was not effective on the loss date " + e.lossDate + " in term " + term.termNumber + " of policy " + term.number));
                continue;
            }
            for (Map.Entry<String, BigDecimal> amount : Map.of("claimed", orZero(a.claimed), "reserved", orZero(a.reserved),
                    "approved", orZero(a.approved)).entrySet()) {
                Decimals.bounded(at + "." + amount.getKey(), amount.getValue());
                if (amount.getValue().signum() < 0) {
                    errors.invalid(at + "." + amount.getKey(), "must not be negative");
                }
            }
            BigDecimal payable = PaymentRules.payable(coverage.get().limit, coverage.get().deductible);
            if (a.approved != null && payable != null && a.approved.compareTo(payable) > 0) {
                errors.add(new FieldError(at + ".approved", PaymentRules.EXCEEDS_LIMIT,
                        "exceeds the coverage's limit net of the deductible, " + payable.stripTrailingZeros().toPlainString()));
            }
            BigDecimal paidSoFar = ClaimMapper.paid(e, a.coverageCode);
            if (a.approved != null && a.approved.compareTo(paidSoFar) < 0) {
                errors.invalid(at + ".approved", "is less than what was already paid, " + paidSoFar.stripTrailingZeros().toPlainString());
            }
        }
        if (e.payments.stream().anyMatch(p -> !codes.contains(p.coverageCode))) {
            errors.invalid("amounts", "a coverage with payments cannot leave the claim");
        }
        List<ClaimParticipantDTO> participants = d.participants == null ? List.of() : d.participants;
        for (int i = 0; i < participants.size(); i++) {
            ClaimParticipantDTO p = participants.get(i);
            String at = "participants[" + i + "]";
            if (p == null || p.role == null) {
                errors.add(FieldError.required(at + ".role"));
            }
            if (p == null || PolicyChecks.blank(p.partyId) == null) {
                errors.add(FieldError.required(at + ".partyId"));
            } else if (Ids.parse(p.partyId).isEmpty() || !scope.canAccessParty(p.partyId) || parties.find(p.partyId).isEmpty()) {
                errors.invalid(at + ".partyId", "no such party");
            }
        }
        errors.throwIfAny();
        Map<String, Object> normalized = customFields.normalize(Insurance.CLAIM, d.customFields == null ? Map.of() : d.customFields, false);
        validation.validate(Insurance.CLAIM, d, previous);
        e.type = d.type.strip();
        e.description = d.description;
        e.amounts.clear();
        for (ClaimAmountDTO a : amounts) {
            ClaimAmountValue v = new ClaimAmountValue();
            v.coverageCode = a.coverageCode;
            v.claimed = a.claimed;
            v.reserved = a.reserved;
            v.approved = a.approved;
            e.amounts.add(v);
        }
        e.participants.clear();
        for (ClaimParticipantDTO p : participants) {
            ClaimParticipantValue v = new ClaimParticipantValue();
            v.partyId = Ids.parse(p.partyId).orElseThrow();
            v.role = p.role.name();
            e.participants.add(v);
        }
        e.customValues.clear();
        e.customValues.putAll(CustomValuesJson.encode(normalized));
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private PolicyEntity visiblePolicy(EntityManager em, String id) {
        Long key = Ids.parse(id).orElse(null);
        PolicyEntity p = key == null ? null : em.find(PolicyEntity.class, key);
        if (p == null || !scope.canAccessParty(String.valueOf(p.holderPartyId))) {
            throw new ValidationException(FieldError.invalid("policyId", "no such policy"));
        }
        return p;
    }

    private ClaimEntity visible(EntityManager em, String id) {
        Long key = Ids.parse(id).orElse(null);
        ClaimEntity e = key == null ? null : em.find(ClaimEntity.class, key);
        if (e == null || !scope.canAccessParty(String.valueOf(e.holderPartyId))) {
            throw new NotFoundException(Insurance.CLAIM, id);
        }
        return e;
    }

    private static void requireUniqueNumber(EntityManager em, String number) {
        if (!em.createQuery("SELECT c.id FROM ClaimEntity c WHERE c.number = :n", Long.class).setParameter("n", number)
                .setMaxResults(1).getResultList().isEmpty()) {
            throw new ConflictException("number", "a claim numbered " + number + " exists");
        }
    }

    private void record(EntityManager em, String what, ClaimDTO claim, List<String> changed) {
        events.record(em, Insurance.CLAIM_TOPIC + what, EventProperties.of(Insurance.CLAIM, claim.id, claim.version, changed, Map.of()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
