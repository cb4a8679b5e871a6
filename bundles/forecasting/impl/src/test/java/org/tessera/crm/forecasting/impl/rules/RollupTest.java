package org.tessera.crm.forecasting.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.crm.forecasting.impl.rules.Fixture.TREE;
import static org.tessera.crm.forecasting.impl.rules.Fixture.adjustment;
import static org.tessera.crm.forecasting.impl.rules.Fixture.forecast;
import static org.tessera.crm.forecasting.impl.rules.Fixture.lines;
import static org.tessera.crm.forecasting.api.Category.CLOSED;
import static org.tessera.crm.forecasting.api.Category.COMMIT;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RollupTest {
    private static final Map<String, Lines> OWN = Map.of(
            "D", lines(COMMIT, 1),
            "M1", lines(COMMIT, 10),
            "R1", lines(COMMIT, 100, CLOSED, 7),
            "R2", lines(COMMIT, 1000),
            "R3", lines(COMMIT, 10000));

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aManagersTotalIsTheirOwnPlusTheirSubordinatesTotalsShownApart() {
        Rollup.Result director = new Rollup(TREE, OWN, Map.of(), List.of(), null, Rollup.Source.LIVE).of("D");
        assertEquals(0, n("1").compareTo(forecast(director.own(), COMMIT)));
        assertEquals(0, n("11110").compareTo(forecast(director.rollup(), COMMIT)));
        assertEquals(0, n("11111").compareTo(forecast(director.total(), COMMIT)));
        assertEquals(List.of("M1", "M2"), director.contributions().stream().map(Rollup.Contribution::positionId).toList());
        assertEquals(0, n("110").compareTo(forecast(director.contributions().get(0).lines(), COMMIT)));
        assertEquals(0, n("7").compareTo(forecast(director.total(), CLOSED)));
        assertEquals(5, director.total().get(Fixture.eur(COMMIT)).count());
    }

    @Test
    void aManagersAdjustmentOfASubordinateCountsUpwardAndIsHiddenFromTheSubordinate() {
        List<Adjustment> adjustments = List.of(
                adjustment("R2", "R2", COMMIT, "900"),     // the rep's own
                adjustment("R2", "M2", COMMIT, "500"));    // the manager's, above it
        Rollup asRep = new Rollup(TREE, OWN, Map.of(), adjustments, "R2", Rollup.Source.LIVE);
        assertEquals(0, n("900").compareTo(forecast(asRep.of("R2").total(), COMMIT)), "the rep sees their own figure only");
        assertFalse(asRep.layers().visible(adjustments.get(1)));

        Rollup asManager = new Rollup(TREE, OWN, Map.of(), adjustments, "M2", Rollup.Source.LIVE);
        assertEquals(0, n("500").compareTo(forecast(asManager.of("R2").total(), COMMIT)), "the manager's layer overrides the rep's");
        assertEquals(0, n("10500").compareTo(forecast(asManager.of("M2").total(), COMMIT)));

        Rollup asDirector = new Rollup(TREE, OWN, Map.of(), adjustments, "D", Rollup.Source.LIVE);
        assertEquals(0, n("10500").compareTo(forecast(asDirector.of("M2").total(), COMMIT)), "visible upward");
        assertEquals(0, n("1000").compareTo(asDirector.of("R2").total().get(Fixture.eur(COMMIT)).amount()), "the computed amount stays beside it");
    }

    @Test
    void aSiblingsAdjustmentIsNeverSeen() {
        Adjustment bySibling = adjustment("R3", "R3", COMMIT, "1");
        assertFalse(new AdjustmentLayers(TREE, "R2").visible(bySibling));
        assertFalse(new AdjustmentLayers(TREE, "M1").visible(bySibling));
        assertTrue(new AdjustmentLayers(TREE, "M2").visible(bySibling));
        assertTrue(new AdjustmentLayers(TREE, null).visible(bySibling), "a caller who sees everything");
    }

    @Test
    void theSubmittedRollupTakesEachSubordinatesLastRevisionAndLiveFiguresWithoutOne() {
        Map<String, Rollup.Submitted> submitted = Map.of("M2", new Rollup.Submitted(2, lines(COMMIT, 4242)));
        List<Adjustment> adjustments = List.of(adjustment("M2", "M2", COMMIT, "1"), adjustment("M2", "D", COMMIT, "5000"));
        Rollup.Result director = new Rollup(TREE, OWN, submitted, adjustments, "D", Rollup.Source.SUBMITTED).of("D");
        Rollup.Contribution m1 = director.contributions().get(0);
        Rollup.Contribution m2 = director.contributions().get(1);
        assertEquals(Rollup.Source.LIVE, m1.source());
        assertEquals(Rollup.Source.SUBMITTED, m2.source());
        assertEquals(2, m2.revision());
        assertEquals(0, n("5000").compareTo(forecast(m2.lines(), COMMIT)), "the director's own later adjustment lies on the revision");

        Rollup.Result withoutDirectorsLayer = new Rollup(TREE, OWN, submitted, List.of(adjustments.get(0)), "D", Rollup.Source.SUBMITTED).of("D");
        assertEquals(0, n("4242").compareTo(forecast(withoutDirectorsLayer.contributions().get(1).lines(), COMMIT)),
                "the subordinate's own adjustment since its submit waits for its next revision");
    }
}
