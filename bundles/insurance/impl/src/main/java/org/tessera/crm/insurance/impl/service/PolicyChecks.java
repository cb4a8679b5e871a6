package org.tessera.crm.insurance.impl.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.Decimals;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.insurance.api.ParticipantRole;
import org.tessera.crm.insurance.api.PolicyDTO;
import org.tessera.crm.insurance.api.PolicyParticipantDTO;
import org.tessera.crm.insurance.impl.rules.CoverageRules;
import org.tessera.crm.insurance.impl.rules.Dated;
import org.tessera.crm.insurance.impl.rules.ParticipantRules;
import org.tessera.crm.insurance.impl.rules.Premiums;

/**
 * The checks of a policy term's writable fields that need the core: the parties named exist and
 * are within the caller's scope, the line of business is a value of its picklist. Minors are
 * flagged from the party's birth date when the core gives it.
 */
final class PolicyChecks {
    private static final int ADULT_AGE = 18;
    private final PartyService parties;
    private final RecordScope scope;

    PolicyChecks(PartyService parties, RecordScope scope) {
        this.parties = parties;
        this.scope = scope;
    }

    void checkTerm(PolicyDTO d, boolean lineActive, FieldErrors errors) {
        errors.required("number", blank(d.number)).maxLength("number", d.number, 40)
                .required("lineOfBusiness", blank(d.lineOfBusiness))
                .maxLength("product", d.product, 80)
                .required("effectiveDate", d.effectiveDate).required("expiryDate", d.expiryDate)
                .required("premium", d.premium).required("premiumFrequency", blank(d.premiumFrequency))
                .maxLength("carrier", d.carrier, 120).maxLength("cancellationReason", d.cancellationReason, 200);
        if (d.lineOfBusiness != null && !d.lineOfBusiness.isBlank() && !lineActive) {
            errors.invalid("lineOfBusiness", "not a value of the insurance-line-of-business picklist");
        }
        if (d.effectiveDate != null && d.expiryDate != null && !d.effectiveDate.isBefore(d.expiryDate)) {
            errors.invalid("expiryDate", "must be after effectiveDate");
        }
        if (d.effectiveDate != null && d.expiryDate != null && d.expiryDate.isAfter(d.effectiveDate.plus(Period.ofYears(10)))) {
            errors.invalid("expiryDate", "a term lasts at most ten years");
        }
        if (d.premium != null) {
            Decimals.bounded("premium", d.premium);
            if (d.premium.signum() < 0) {
                errors.invalid("premium", "must not be negative");
            }
        }
        if (d.premiumFrequency != null && !d.premiumFrequency.isBlank() && !Premiums.FREQUENCIES.contains(d.premiumFrequency)) {
            errors.invalid("premiumFrequency", "must be one of " + Premiums.FREQUENCIES);
        }
        if (d.billingMethod != null && !Premiums.BILLING_METHODS.contains(d.billingMethod)) {
            errors.invalid("billingMethod", "must be one of " + Premiums.BILLING_METHODS);
        }
        if (d.currency != null && !d.currency.matches("[A-Z]{3}")) {
            errors.invalid("currency", "must be an ISO 4217 code such as EUR");
        }
        Ids.reference("agentId", d.agentId, errors);
        Ids.reference("orgUnitId", d.orgUnitId, errors);
    }

    void checkCoverages(String path, PolicyDTO d, FieldErrors errors) {
        if (d.coverages == null || d.coverages.isEmpty()) {
            errors.invalid(path, "a term has at least one coverage");
            return;
        }
        CoverageRules.check(path, d.coverages, d.effectiveDate, d.expiryDate, errors);
        for (int i = 0; i < d.coverages.size(); i++) {
            if (d.coverages.get(i) != null && d.coverages.get(i).insuredPartyId != null) {
                checkParty(path + "[" + i + "].insuredPartyId", d.coverages.get(i).insuredPartyId, errors);
            }
        }
    }

    /** Checks the participants and flags minors; returns the policyholder on the term's start. */
    Optional<String> checkParticipants(PolicyDTO d, FieldErrors errors) {
        if (d.participants == null || d.participants.isEmpty()) {
            errors.invalid("participants", "a term has a policyholder");
            return Optional.empty();
        }
        errors.addAll(ParticipantRules.check(d.participants, d.effectiveDate, d.expiryDate));
        Set<String> checked = new HashSet<>();
        for (int i = 0; i < d.participants.size(); i++) {
            PolicyParticipantDTO p = d.participants.get(i);
            if (p != null && p.partyId != null && !p.partyId.isBlank() && checked.add(p.partyId)) {
                checkParty("participants[" + i + "].partyId", p.partyId, errors).ifPresent(party -> flagMinors(d.participants, party, d.effectiveDate));
            }
        }
        return holderOn(d.participants, d.effectiveDate);
    }

    static Optional<String> holderOn(List<PolicyParticipantDTO> participants, LocalDate date) {
        if (date == null) {
            return Optional.empty();
        }
        return participants.stream().filter(p -> p != null && p.role == ParticipantRole.POLICYHOLDER)
                .filter(p -> Dated.covers(p.from, p.thru, date)).map(p -> p.partyId).findFirst();
    }

    private static void flagMinors(List<PolicyParticipantDTO> participants, PartyDTO party, LocalDate on) {
        if (party.birthDate == null || on == null) {
            return;
        }
        boolean minor = party.birthDate.plusYears(ADULT_AGE).isAfter(on);
        participants.stream().filter(p -> party.id.equals(p.partyId)).forEach(p -> p.minor = p.minor || minor);
    }

    Optional<PartyDTO> checkParty(String field, String partyId, FieldErrors errors) {
        Optional<PartyDTO> party = Ids.parse(partyId).isEmpty() || !scope.canAccessParty(partyId) ? Optional.empty() : parties.find(partyId);
        if (party.isEmpty()) {
            errors.invalid(field, "no such party");
        }
        return party;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
