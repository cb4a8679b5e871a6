package org.tessera.crm.forecasting.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.crm.forecasting.impl.rules.Fixture.lines;
import static org.tessera.crm.forecasting.api.Category.BEST_CASE;
import static org.tessera.crm.forecasting.api.Category.CLOSED;
import static org.tessera.crm.forecasting.api.Category.COMMIT;
import static org.tessera.crm.forecasting.api.Category.PIPELINE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tessera.crm.forecasting.api.OpportunityDeltaDTO;
import org.tessera.crm.forecasting.api.PeriodType;
import org.tessera.crm.forecasting.api.QuotaFiguresDTO;
import org.tessera.crm.forecasting.api.RevisionOpportunityDTO;
import org.tessera.crm.forecasting.api.Category;

class RulesTest {

    @Test
    void aParentAtOrBelowAPositionWouldCloseALoopInTheExplicitTree() {
        Map<String, String> parents = new HashMap<>(Map.of("rep", "mgr", "mgr", "dir"));
        assertTrue(ExplicitTree.reportsTo(parents, "rep", "dir"), "two levels down");
        assertTrue(ExplicitTree.reportsTo(parents, "dir", "dir"), "itself");
        assertFalse(ExplicitTree.reportsTo(parents, "dir", "rep"), "above is no loop");
        assertFalse(ExplicitTree.reportsTo(parents, "other", "dir"));
        parents.put("a", "b");
        parents.put("b", "a");
        assertFalse(ExplicitTree.reportsTo(parents, "a", "dir"), "a loop already stored ends the walk");
    }

    @Test
    void aFiscalYearStartingInAprilHasTwelveMonthsFourQuartersAndItself() {
        List<FiscalPeriods.Span> spans = FiscalPeriods.of(2027, 4);
        assertEquals(17, spans.size());
        FiscalPeriods.Span year = spans.get(0);
        assertEquals(PeriodType.YEAR, year.type());
        assertEquals(LocalDate.of(2027, 4, 1), year.start());
        assertEquals(LocalDate.of(2028, 3, 31), year.end());
        FiscalPeriods.Span q4 = spans.stream().filter(s -> s.name().equals("FY2027-Q4")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2028, 1, 1), q4.start());
        assertEquals(LocalDate.of(2028, 3, 31), q4.end());
        FiscalPeriods.Span february = spans.stream().filter(s -> s.name().equals("FY2027-M11")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2028, 2, 29), february.end(), "a leap year's February");
    }

    @Test
    void attainmentIsClosedOverQuotaAndCoverageThePipelineOverWhatRemains() {
        Lines total = lines(PIPELINE, 300, BEST_CASE, 200, COMMIT, 100, CLOSED, 250);
        QuotaFiguresDTO f = QuotaMath.figures("EUR", new BigDecimal("1000"), new BigDecimal("900"), total);
        assertEquals(0, new BigDecimal("0.25").compareTo(f.attainment));
        assertEquals(0, new BigDecimal("0.8").compareTo(f.coverage), "600 open over 750 remaining");
        assertEquals(0, new BigDecimal("100").compareTo(f.quotaGap), "the manager's quota beyond the team's");
        QuotaFiguresDTO none = QuotaMath.figures("EUR", null, BigDecimal.ZERO, total);
        assertNull(none.attainment);
        assertNull(none.coverage);
    }

    @Test
    void revisionDeltasNameWhatMovedCategoryAmountOrDateAndWhatCameOrWent() {
        RevisionOpportunityDTO a1 = opportunity("1", BEST_CASE, "100", "2027-02-01");
        RevisionOpportunityDTO b1 = opportunity("2", PIPELINE, "50", "2027-02-01");
        RevisionOpportunityDTO c1 = opportunity("3", COMMIT, "70", "2027-03-01");
        RevisionOpportunityDTO a2 = opportunity("1", COMMIT, "100", "2027-02-01");   // moved category
        RevisionOpportunityDTO b2 = opportunity("2", PIPELINE, "50.00", "2027-02-01"); // the same
        RevisionOpportunityDTO d2 = opportunity("4", PIPELINE, "10", "2027-02-15");   // new
        List<OpportunityDeltaDTO> deltas = RevisionDeltas.between(List.of(a1, b1, c1), List.of(a2, b2, d2));
        assertEquals(3, deltas.size());
        assertEquals("CHANGED", deltas.get(0).change);
        assertEquals(BEST_CASE, deltas.get(0).fromCategory);
        assertEquals(COMMIT, deltas.get(0).toCategory);
        assertEquals("ADDED", deltas.get(1).change);
        assertEquals("4", deltas.get(1).opportunityId);
        assertEquals("REMOVED", deltas.get(2).change);
        assertEquals("3", deltas.get(2).opportunityId);
        RevisionOpportunityDTO later = opportunity("1", COMMIT, "100", "2027-03-15");
        assertEquals(LocalDate.of(2027, 3, 15), RevisionDeltas.between(List.of(a2), List.of(later)).get(0).toCloseDate);
    }

    @Test
    void ratesAreTakenAtTheLatestDateOnOrBeforeTheDayAndInvertedWhenKnownTheOtherWay() {
        Rates rates = new Rates(List.of(
                new Rates.Rate("USD", "EUR", new BigDecimal("0.90"), LocalDate.of(2027, 1, 1)),
                new Rates.Rate("USD", "EUR", new BigDecimal("0.80"), LocalDate.of(2027, 6, 1)),
                new Rates.Rate("EUR", "CHF", new BigDecimal("0.50"), LocalDate.of(2027, 1, 1))));
        assertEquals(new BigDecimal("0.90"), rates.rate("USD", "EUR", LocalDate.of(2027, 5, 31)).orElseThrow());
        assertEquals(new BigDecimal("0.80"), rates.rate("USD", "EUR", LocalDate.of(2027, 6, 1)).orElseThrow());
        assertEquals(0, new BigDecimal("2").compareTo(rates.rate("CHF", "EUR", LocalDate.of(2027, 2, 1)).orElseThrow()));
        assertTrue(rates.rate("USD", "EUR", LocalDate.of(2026, 12, 31)).isEmpty(), "no rate before the first");
        assertTrue(rates.rate("GBP", "EUR", LocalDate.of(2027, 2, 1)).isEmpty());
        assertEquals(BigDecimal.ONE, rates.rate("EUR", "EUR", LocalDate.of(2000, 1, 1)).orElseThrow());
    }

    @Test
    void aHierarchyOnOrgUnitsTakesEachUnitsManagerAndAManagersManagerFromTheUnitAbove() {
        Map<String, String> unitParents = Map.of("region", "", "west", "region", "east", "region");
        Hierarchy tree = new Hierarchy(Hierarchy.Mode.ORG_UNITS, List.of(
                new Hierarchy.Node("director", "1", "region", null, true),
                new Hierarchy.Node("west-manager", "2", "west", null, true),
                new Hierarchy.Node("west-rep", "3", "west", null, false),
                new Hierarchy.Node("east-rep", "4", "east", null, false)), unitParents);
        assertEquals("west-manager", tree.managerOf("west-rep").orElseThrow());
        assertEquals("director", tree.managerOf("west-manager").orElseThrow());
        assertEquals("director", tree.managerOf("east-rep").orElseThrow(), "a unit without a manager reports to the unit above");
        assertTrue(tree.managerOf("director").isEmpty());
        assertEquals(2, tree.depth("west-rep"));
        assertEquals(List.of("director", "east-rep", "west-manager", "west-rep"), tree.subtree("director"));
        assertTrue(tree.isAtOrBelow("west-rep", "director"));
        assertTrue(!tree.isAtOrBelow("east-rep", "west-manager"), "a sibling's subtree is not one's own");
    }

    private static RevisionOpportunityDTO opportunity(String id, Category category, String amount, String close) {
        RevisionOpportunityDTO o = new RevisionOpportunityDTO();
        o.opportunityId = id;
        o.name = "Deal " + id;
        o.category = category;
        o.amount = new BigDecimal(amount);
        o.currency = "EUR";
        o.expectedCloseDate = LocalDate.parse(close);
        return o;
    }
}
