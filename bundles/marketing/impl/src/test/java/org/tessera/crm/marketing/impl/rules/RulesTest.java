package org.tessera.crm.marketing.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.CampaignStatus;
import org.tessera.crm.marketing.api.CampaignTotalsDTO;
import org.tessera.crm.marketing.api.CampaignType;
import org.tessera.crm.marketing.api.MemberStatusDTO;

/** The campaign rules that need no database: hierarchy, ROI and totals, status lists, status moves, price rules. */
class RulesTest {

    @Test
    void roiIsWonMinusCostOverCostAndNullWithoutCost() {
        assertEquals(new BigDecimal("4.0000"), Totals.roi(new BigDecimal("5000"), new BigDecimal("1000")));
        assertEquals(new BigDecimal("-1.0000"), Totals.roi(null, new BigDecimal("250")));
        assertNull(Totals.roi(new BigDecimal("5000"), BigDecimal.ZERO));
        assertNull(Totals.roi(new BigDecimal("5000"), null));
    }

    @Test
    void totalsDeriveRateAndCostPerResponse() {
        CampaignTotalsDTO t = new CampaignTotalsDTO();
        t.members = 3;
        t.responses = 1;
        t.actualCost = new BigDecimal("90");
        t.wonAmount = BigDecimal.ZERO;
        Totals.derive(t);
        assertEquals(new BigDecimal("33.33"), t.responseRate);
        assertEquals(new BigDecimal("90.00"), t.costPerResponse);
        CampaignTotalsDTO empty = Totals.derive(new CampaignTotalsDTO());
        assertNull(empty.responseRate);
        assertNull(empty.costPerResponse);
        assertNull(empty.roi);
    }

    @Test
    void theTreeRefusesCyclesAndDepthBeyondTheLimit() {
        Map<Long, Long> parents = new HashMap<>();
        parents.put(1L, null);
        parents.put(2L, 1L);
        parents.put(3L, 2L);
        FieldErrors ok = new FieldErrors();
        assertEquals(4, Hierarchy.depthUnder(null, 3L, parents, 1, 5, ok));
        assertTrue(ok.isEmpty());
        FieldErrors tooDeep = new FieldErrors();
        Hierarchy.depthUnder(null, 3L, parents, 3, 5, tooDeep); // a subtree of 3 levels under level 3: 6 levels
        assertEquals("parentId", tooDeep.list().get(0).field);
        FieldErrors cycle = new FieldErrors();
        Hierarchy.depthUnder(1L, 3L, parents, 3, 10, cycle);
        assertTrue(cycle.list().get(0).message.contains("under itself"));
        FieldErrors root = new FieldErrors();
        assertEquals(1, Hierarchy.depthUnder(2L, null, parents, 2, 5, root));
        assertTrue(root.isEmpty());
    }

    @Test
    void aStatusListHasExactlyOneDefaultAndKeepsStatusesInUse() {
        assertEquals(1, StatusLists.defaults().stream().filter(s -> s.isDefault).count());
        assertTrue(StatusLists.defaults().stream().anyMatch(s -> s.responded));
        FieldErrors twoDefaults = new FieldErrors();
        StatusLists.check(List.of(status("a", true), status("B", true)), Set.of(), twoDefaults);
        assertEquals(List.of("statuses"), twoDefaults.list().stream().map(e -> e.field).toList());
        FieldErrors inUse = new FieldErrors();
        StatusLists.check(List.of(status("NEW", true)), Set.of("SENT"), inUse);
        assertTrue(inUse.list().get(0).message.contains("SENT"));
        FieldErrors duplicate = new FieldErrors();
        StatusLists.check(List.of(status("A", true), status("a", false), status("bad code!", false)), Set.of(), duplicate);
        assertEquals(List.of("statuses[1].code", "statuses[2].code"), duplicate.list().stream().map(e -> e.field).toList());
        FieldErrors fine = new FieldErrors();
        List<MemberStatusDTO> list = List.of(status("x", false), status("Y", true));
        StatusLists.check(list, Set.of("X"), fine);
        assertTrue(fine.isEmpty(), fine.list().toString());
        assertEquals("X", list.get(0).code, "codes are upper-cased");
        assertEquals(1, list.get(1).sortOrder, "the list order is the sort order");
    }

    @Test
    void statusMovesAndFieldChecks() {
        assertTrue(CampaignRules.canMove(CampaignStatus.PLANNED, CampaignStatus.ACTIVE));
        assertTrue(CampaignRules.canMove(CampaignStatus.ACTIVE, CampaignStatus.COMPLETED));
        assertFalse(CampaignRules.canMove(CampaignStatus.COMPLETED, CampaignStatus.ACTIVE));
        assertFalse(CampaignRules.canMove(CampaignStatus.PLANNED, CampaignStatus.COMPLETED));
        CampaignDTO c = new CampaignDTO();
        c.name = "  ";
        c.type = CampaignType.EMAIL;
        c.currency = "euro";
        c.startDate = LocalDate.of(2027, 3, 1);
        c.endDate = LocalDate.of(2027, 2, 1);
        c.expectedResponsePercent = new BigDecimal("120");
        c.status = CampaignStatus.COMPLETED;
        CampaignRules.normalize(c);
        FieldErrors errors = new FieldErrors();
        CampaignRules.check(c, CampaignStatus.PLANNED, errors);
        assertEquals(List.of("name", "currency", "endDate", "expectedResponsePercent", "status"),
                errors.list().stream().map(e -> e.field).toList());
    }

    @Test
    void aPriceRuleAppliesFromItsQuantityToItsProductsWhileTheOfferRuns() {
        PriceRule rule = new PriceRule(new BigDecimal("10"), new BigDecimal("5"), Set.of("7"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31));
        LocalDate during = LocalDate.of(2027, 1, 15);
        assertTrue(rule.appliesTo("7", new BigDecimal("5"), during));
        assertFalse(rule.appliesTo("7", new BigDecimal("4"), during));
        assertFalse(rule.appliesTo("8", new BigDecimal("50"), during));
        assertFalse(rule.appliesTo("7", new BigDecimal("50"), LocalDate.of(2027, 2, 1)));
        assertTrue(new PriceRule(new BigDecimal("5"), null, Set.of(), null, null).appliesTo("any", BigDecimal.ONE, during));
        FieldErrors errors = new FieldErrors();
        PriceRule.check(new BigDecimal("150"), new BigDecimal("-1"), errors);
        assertEquals(List.of("discountPercent", "minQuantity"), errors.list().stream().map(e -> e.field).toList());
    }

    private static MemberStatusDTO status(String code, boolean isDefault) {
        MemberStatusDTO s = new MemberStatusDTO();
        s.code = code;
        s.label = code;
        s.isDefault = isDefault;
        return s;
    }
}
