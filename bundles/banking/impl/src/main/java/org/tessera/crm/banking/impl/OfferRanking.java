package org.tessera.crm.banking.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.banking.api.OfferRuleDTO;

/**
 * Which rules may be proposed to a party today, in the order they are tried: active, within their
 * validity, never accepted by the party, and not rejected within their cool-down; highest priority
 * first, then by key, so that the ranking is stable.
 */
final class OfferRanking {
    static final int DEFAULT_COOL_DOWN_DAYS = 90;

    private OfferRanking() {
    }

    /**
     * @param lastRejections the party's latest rejection of each rule, by rule id
     * @param accepted the ids of the rules whose offer the party accepted
     */
    static List<OfferRuleDTO> candidates(List<OfferRuleDTO> rules, Map<String, Instant> lastRejections, Set<String> accepted, LocalDate today) {
        return rules.stream().filter(rule -> eligible(rule, lastRejections.get(rule.id), accepted.contains(rule.id), today))
                .sorted(Comparator.comparingInt((OfferRuleDTO r) -> r.priority).reversed().thenComparing(r -> r.key)).toList();
    }

    static boolean eligible(OfferRuleDTO rule, Instant lastRejection, boolean accepted, LocalDate today) {
        if (!Boolean.TRUE.equals(rule.active) || accepted) {
            return false;
        }
        if (rule.validFrom != null && today.isBefore(rule.validFrom) || rule.validThru != null && today.isAfter(rule.validThru)) {
            return false;
        }
        return lastRejection == null || !inCoolDown(rule, lastRejection, today);
    }

    /** Whether {@code today} is within the rule's cool-down days after the rejection's day. */
    static boolean inCoolDown(OfferRuleDTO rule, Instant rejection, LocalDate today) {
        int days = rule.coolDownDays == null ? DEFAULT_COOL_DOWN_DAYS : rule.coolDownDays;
        LocalDate rejectedOn = rejection.atZone(ZoneOffset.UTC).toLocalDate();
        return today.isBefore(rejectedOn.plusDays(days));
    }
}
