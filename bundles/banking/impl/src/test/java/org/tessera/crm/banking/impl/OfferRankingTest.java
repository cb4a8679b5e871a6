package org.tessera.crm.banking.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.banking.api.OfferRuleDTO;

class OfferRankingTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void highestPriorityFirstThenByKey() {
        List<OfferRuleDTO> ranked = OfferRanking.candidates(List.of(rule("1", "b", 10), rule("2", "a", 10), rule("3", "c", 50)), Map.of(),
                Set.of(), TODAY);
        assertEquals(List.of("c", "a", "b"), ranked.stream().map(r -> r.key).toList());
    }

    @Test
    void inactiveOutOfValidityAcceptedAndCoolingDownRulesAreLeftOut() {
        OfferRuleDTO inactive = rule("1", "inactive", 1);
        inactive.active = false;
        OfferRuleDTO future = rule("2", "future", 1);
        future.validFrom = TODAY.plusDays(1);
        OfferRuleDTO expired = rule("3", "expired", 1);
        expired.validThru = TODAY.minusDays(1);
        OfferRuleDTO lastDay = rule("4", "last-day", 1);
        lastDay.validThru = TODAY;
        OfferRuleDTO accepted = rule("5", "accepted", 1);
        OfferRuleDTO cooling = rule("6", "cooling", 1);
        cooling.coolDownDays = 30;
        OfferRuleDTO cooled = rule("7", "cooled", 1);
        cooled.coolDownDays = 30;
        Map<String, Instant> rejections = Map.of("6", at(TODAY.minusDays(29)), "7", at(TODAY.minusDays(30)));
        List<OfferRuleDTO> ranked = OfferRanking.candidates(List.of(inactive, future, expired, lastDay, accepted, cooling, cooled), rejections,
                Set.of("5"), TODAY);
        assertEquals(List.of("cooled", "last-day"), ranked.stream().map(r -> r.key).toList());
    }

    @Test
    void theDefaultCoolDownIsNinetyDays() {
        OfferRuleDTO rule = rule("1", "r", 1);
        assertTrue(OfferRanking.inCoolDown(rule, at(TODAY.minusDays(89)), TODAY));
        assertFalse(OfferRanking.inCoolDown(rule, at(TODAY.minusDays(90)), TODAY));
        rule.coolDownDays = 0;
        assertFalse(OfferRanking.inCoolDown(rule, at(TODAY), TODAY));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(15, 30).toInstant(java.time.ZoneOffset.UTC);
    }

    private static OfferRuleDTO rule(String id, String key, int priority) {
        OfferRuleDTO rule = new OfferRuleDTO();
        rule.id = id;
        rule.key = key;
        rule.priority = priority;
        rule.active = true;
        return rule;
    }
}
