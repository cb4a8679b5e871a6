package org.tessera.crm.forecasting.impl.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.tessera.crm.forecasting.api.Category;

/** A 4-position hierarchy: director D above managers M1 and M2; reps R1 (under M1) and R2, R3 (under M2). */
final class Fixture {
    static final Hierarchy TREE = new Hierarchy(Hierarchy.Mode.POSITIONS, List.of(
            new Hierarchy.Node("D", "a-d", "u", null, false),
            new Hierarchy.Node("M1", "a-m1", "u", "D", false),
            new Hierarchy.Node("M2", "a-m2", "u", "D", false),
            new Hierarchy.Node("R1", "a-r1", "u", "M1", false),
            new Hierarchy.Node("R2", "a-r2", "u", "M2", false),
            new Hierarchy.Node("R3", "a-r3", "u", "M2", false)), Map.of());

    private Fixture() {
    }

    static LineKey eur(Category category) {
        return new LineKey(category, "EUR");
    }

    static Lines lines(Object... categoryAmountPairs) {
        Lines lines = Lines.empty();
        for (int i = 0; i < categoryAmountPairs.length; i += 2) {
            BigDecimal amount = new BigDecimal(categoryAmountPairs[i + 1].toString());
            lines.add(eur((Category) categoryAmountPairs[i]), Figures.computed(1, amount, amount.divide(BigDecimal.TEN)));
        }
        return lines;
    }

    static BigDecimal forecast(Lines lines, Category category) {
        return lines.get(eur(category)).forecast();
    }

    static Adjustment adjustment(String position, String author, Category category, String amount) {
        return new Adjustment(position, author, eur(category), new BigDecimal(amount));
    }
}
