package org.tessera.crm.service.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tessera.crm.service.api.AssignmentRuleDTO;
import org.tessera.crm.service.api.StatusCategory;
import org.tessera.crm.service.api.sla.BusinessCalendar;
import org.tessera.crm.service.api.sla.MilestoneDefinitionDTO;
import org.tessera.crm.service.api.sla.MilestoneStatusDTO;
import org.tessera.crm.service.api.sla.SlaPolicyDTO;
import org.tessera.crm.service.impl.entity.ClockEntity;
import org.tessera.crm.service.impl.request.AssignmentRules;
import org.tessera.crm.service.impl.request.RequestNumbers;
import org.tessera.crm.service.impl.request.StatusTransitions;
import org.tessera.crm.service.impl.sla.MilestoneMath;
import org.tessera.crm.service.impl.sla.PolicySelector;

/** The module's rules without a database: transitions, numbering, assignment, policy choice, milestone clocks. */
class ServiceRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    @Test
    void statusTransitions() {
        assertNull(StatusTransitions.refusal(StatusCategory.NEW, StatusCategory.OPEN, null, NOW, WINDOW));
        assertNull(StatusTransitions.refusal(StatusCategory.OPEN, StatusCategory.PENDING, null, NOW, WINDOW));
        assertNull(StatusTransitions.refusal(StatusCategory.PENDING, StatusCategory.RESOLVED, null, NOW, WINDOW));
        assertNotNull(StatusTransitions.refusal(StatusCategory.OPEN, StatusCategory.NEW, null, NOW, WINDOW));
        // reopening within the window, not after
        assertNull(StatusTransitions.refusal(StatusCategory.CLOSED, StatusCategory.OPEN, NOW.minus(Duration.ofDays(29)), NOW, WINDOW));
        assertNotNull(StatusTransitions.refusal(StatusCategory.CLOSED, StatusCategory.OPEN, NOW.minus(Duration.ofDays(31)), NOW, WINDOW));
        assertNotNull(StatusTransitions.refusal(StatusCategory.CLOSED, StatusCategory.RESOLVED, NOW, NOW, WINDOW));
        assertNull(StatusTransitions.refusal(StatusCategory.RESOLVED, StatusCategory.CLOSED, NOW, NOW, WINDOW));
    }

    @Test
    void numbers() {
        assertEquals("SR-000123", RequestNumbers.format("SR-", 6, 123));
        assertEquals("SR-1234567", RequestNumbers.format("SR-", 6, 1234567));
        assertEquals("42", RequestNumbers.format("", 1, 42));
    }

    @Test
    void assignmentFirstMatchWinsAndDistributes() {
        AssignmentRuleDTO billing = rule("billing", Map.of("reason", "BILLING"));
        AssignmentRuleDTO urgentBilling = rule("urgent", Map.of("reason", "BILLING", "priority", "URGENT"));
        AssignmentRuleDTO vip = rule("vip", Map.of("customFields.tier", "GOLD"));
        List<AssignmentRuleDTO> rules = List.of(urgentBilling, billing, vip);
        assertEquals("urgent", AssignmentRules.firstMatch(rules, Map.of("reason", "BILLING", "priority", "URGENT")).get().name);
        assertEquals("billing", AssignmentRules.firstMatch(rules, Map.of("reason", "BILLING", "priority", "LOW")).get().name);
        assertEquals("vip", AssignmentRules.firstMatch(rules, Map.of("customFields.tier", "GOLD")).get().name);
        assertTrue(AssignmentRules.firstMatch(rules, Map.of("reason", "OTHER")).isEmpty());

        List<Long> members = List.of(7L, 8L, 9L);
        assertEquals(7L, AssignmentRules.nextInTurn(members, null));
        assertEquals(8L, AssignmentRules.nextInTurn(members, 7L));
        assertEquals(7L, AssignmentRules.nextInTurn(members, 9L));
        assertEquals(7L, AssignmentRules.nextInTurn(members, 42L), "a member who left restarts the turn");
        assertNull(AssignmentRules.nextInTurn(List.of(), 7L));
        assertEquals(9L, AssignmentRules.leastBusy(members, Map.of(7L, 3L, 8L, 2L)));
        assertEquals(8L, AssignmentRules.leastBusy(members, Map.of(7L, 3L, 8L, 0L, 9L, 0L)), "the first listed on a tie");
    }

    @Test
    void policySelection() {
        SlaPolicyDTO gold = policy("GOLD", Map.of("priority", "URGENT", "classification", "VIP"));
        SlaPolicyDTO standard = policy("STANDARD", Map.of());
        List<SlaPolicyDTO> policies = List.of(gold, standard);
        assertEquals("GOLD", PolicySelector.select(policies, "SERVICE_REQUEST", Map.of("priority", "URGENT", "classification", "CUSTOMER,VIP"))
                .get().code);
        assertEquals("STANDARD", PolicySelector.select(policies, "SERVICE_REQUEST", Map.of("priority", "URGENT")).get().code);
        assertTrue(PolicySelector.select(policies, "CLAIM", Map.of()).isEmpty(), "another entity type's records get none");
    }

    @Test
    void milestoneClockWarnsViolatesPausesAndCompletes() {
        BusinessCalendar always = BusinessCalendar.always(ZoneId.of("Europe/Paris"));
        MilestoneDefinitionDTO resolution = new MilestoneDefinitionDTO();
        resolution.code = "RESOLUTION";
        resolution.targetMinutes = 240;
        resolution.warnBeforeMinutes = 60;
        ClockEntity clock = new ClockEntity();
        clock.milestone = "RESOLUTION";
        clock.state = "RUNNING";
        clock.phase = MilestoneMath.NONE;
        clock.startedAt = NOW;
        MilestoneMath.schedule(clock, resolution, always);
        assertEquals(NOW.plus(Duration.ofMinutes(180)), clock.warnAt);
        assertEquals(NOW.plus(Duration.ofMinutes(240)), clock.targetAt);
        assertEquals(clock.warnAt, clock.nextDeadline, "the warning comes first");
        clock.phase = MilestoneMath.WARNED;
        assertEquals(clock.targetAt, MilestoneMath.nextDeadline(clock));

        MilestoneMath.pause(clock, NOW.plus(Duration.ofMinutes(200)));
        assertNull(clock.nextDeadline, "a paused clock has no deadline");
        MilestoneStatusDTO paused = MilestoneMath.status(clock, 240, always, NOW.plus(Duration.ofMinutes(230)));
        assertEquals(30, paused.stoppedMinutes);
        assertEquals(40, paused.remainingMinutes);
        MilestoneMath.resume(clock, resolution, always, NOW.plus(Duration.ofMinutes(260)));
        assertEquals(NOW.plus(Duration.ofMinutes(300)), clock.targetAt, "60 stopped minutes push the target back");
        assertEquals(clock.targetAt, clock.nextDeadline);

        MilestoneStatusDTO late = MilestoneMath.status(clock, 240, always, NOW.plus(Duration.ofMinutes(310)));
        assertTrue(late.violated);
        assertEquals(-10, late.remainingMinutes);
        MilestoneMath.complete(clock, always, 240, NOW.plus(Duration.ofMinutes(310)));
        assertEquals("COMPLETED", clock.state);
        assertTrue(clock.violated, "completed late: violated, and its success actions still fire");
        assertNull(clock.nextDeadline);

        ClockEntity onTime = new ClockEntity();
        onTime.milestone = "RESOLUTION";
        onTime.state = "RUNNING";
        onTime.phase = MilestoneMath.NONE;
        onTime.startedAt = NOW;
        MilestoneMath.schedule(onTime, resolution, always);
        MilestoneMath.complete(onTime, always, 240, NOW.plus(Duration.ofMinutes(100)));
        assertFalse(onTime.violated);
    }

    private static AssignmentRuleDTO rule(String name, Map<String, String> conditions) {
        AssignmentRuleDTO rule = new AssignmentRuleDTO();
        rule.name = name;
        rule.conditions.putAll(conditions);
        rule.queueCode = "Q";
        return rule;
    }

    private static SlaPolicyDTO policy(String code, Map<String, String> criteria) {
        SlaPolicyDTO policy = new SlaPolicyDTO();
        policy.code = code;
        policy.subjectType = "SERVICE_REQUEST";
        policy.criteria.putAll(criteria);
        return policy;
    }
}
