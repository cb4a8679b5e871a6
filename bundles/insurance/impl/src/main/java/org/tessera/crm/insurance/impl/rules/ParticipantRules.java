package org.tessera.crm.insurance.impl.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.insurance.api.ParticipantRole;
import org.tessera.crm.insurance.api.PolicyParticipantDTO;

/**
 * The participants of a term, at every date of the term: exactly one policyholder, and the
 * beneficiaries' shares summing to 100 % whenever there are beneficiaries. The dates where the set
 * of participants changes cut the term into periods; each period is checked once.
 */
public final class ParticipantRules {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ParticipantRules() {
    }

    public static List<FieldError> check(List<PolicyParticipantDTO> participants, LocalDate termStart, LocalDate termEnd) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            checkOne("participants[" + i + "]", participants.get(i), termStart, termEnd, errors);
        }
        if (!errors.isEmpty() || termStart == null || termEnd == null || !termStart.isBefore(termEnd)) {
            return errors;
        }
        TreeSet<LocalDate> cuts = new TreeSet<>();
        cuts.add(termStart);
        for (PolicyParticipantDTO p : participants) {
            if (p.from != null && p.from.isAfter(termStart) && p.from.isBefore(termEnd)) {
                cuts.add(p.from);
            }
            if (p.thru != null && p.thru.isAfter(termStart) && p.thru.isBefore(termEnd)) {
                cuts.add(p.thru);
            }
        }
        for (LocalDate day : cuts) {
            long holders = participants.stream().filter(p -> p.role == ParticipantRole.POLICYHOLDER)
                    .filter(p -> Dated.covers(p.from, p.thru, day)).count();
            if (holders != 1) {
                errors.add(new FieldError("participants", "one_policyholder",
                        "exactly one policyholder is required at every date of the term; " + holders + " on " + day));
                break;
            }
        }
        for (LocalDate day : cuts) {
            List<PolicyParticipantDTO> beneficiaries = participants.stream().filter(p -> p.role == ParticipantRole.BENEFICIARY)
                    .filter(p -> Dated.covers(p.from, p.thru, day)).toList();
            if (!beneficiaries.isEmpty()) {
                BigDecimal sum = beneficiaries.stream().map(p -> p.sharePercent).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(HUNDRED) != 0) {
                    errors.add(new FieldError("participants", "shares_not_100",
                            "the beneficiaries' shares sum to " + sum.stripTrailingZeros().toPlainString() + " % on " + day + ", not 100 %"));
                    break;
                }
            }
        }
        return errors;
    }

    private static void checkOne(String path, PolicyParticipantDTO p, LocalDate termStart, LocalDate termEnd, List<FieldError> errors) {
        if (p == null) {
            errors.add(FieldError.required(path));
            return;
        }
        if (p.partyId == null || p.partyId.isBlank()) {
            errors.add(FieldError.required(path + ".partyId"));
        }
        if (p.role == null) {
            errors.add(FieldError.required(path + ".role"));
        }
        if (p.role == ParticipantRole.BENEFICIARY) {
            if (p.sharePercent == null) {
                errors.add(FieldError.required(path + ".sharePercent"));
            } else if (p.sharePercent.signum() <= 0 || p.sharePercent.compareTo(HUNDRED) > 0) {
                errors.add(FieldError.invalid(path + ".sharePercent", "must be more than 0 and at most 100"));
            }
        } else if (p.role != null && p.sharePercent != null) {
            errors.add(FieldError.invalid(path + ".sharePercent", "only beneficiaries have a share"));
        }
        if (p.from != null && p.thru != null && !p.from.isBefore(p.thru)) {
            errors.add(FieldError.invalid(path + ".thru", "must be after from"));
        }
        if (termStart != null && termEnd != null && p.from != null && (p.from.isBefore(termStart) || !p.from.isBefore(termEnd))) {
            errors.add(FieldError.invalid(path + ".from", "must fall within the term"));
        }
    }
}
