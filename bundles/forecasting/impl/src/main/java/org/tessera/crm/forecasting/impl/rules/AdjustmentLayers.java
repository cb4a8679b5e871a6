package org.tessera.crm.forecasting.impl.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which adjustment a viewer sees on a position's line. Adjustments are visible upward: a viewer
 * sees those authored at their own position or below it, never one made by a manager above them
 * (so the adjusted subordinate does not see their manager's figure). Among the visible ones, the
 * author highest in the hierarchy wins: a manager's adjustment overrides the owner's.
 */
public final class AdjustmentLayers {
    private final Hierarchy hierarchy;
    /** The viewer's position; {@code null} for a caller who sees everything. */
    private final String viewer;

    public AdjustmentLayers(Hierarchy hierarchy, String viewer) {
        this.hierarchy = hierarchy;
        this.viewer = viewer;
    }

    public boolean visible(Adjustment adjustment) {
        return viewer == null || hierarchy.isAtOrBelow(adjustment.authorPositionId(), viewer);
    }

    /** The winning visible adjustment per line of {@code position}, among those {@code admitted}. */
    public Map<LineKey, Adjustment> effective(String position, Collection<Adjustment> all, Predicate<Adjustment> admitted) {
        Map<LineKey, Adjustment> winners = new HashMap<>();
        for (Adjustment a : all) {
            if (!a.positionId().equals(position) || !visible(a) || !admitted.test(a)) {
                continue;
            }
            winners.merge(a.key(), a, (x, y) -> hierarchy.depth(y.authorPositionId()) < hierarchy.depth(x.authorPositionId()) ? y : x);
        }
        return winners;
    }

    /** {@code lines} with the winning adjustments of {@code position} applied. */
    public Lines apply(String position, Lines lines, Collection<Adjustment> all, Predicate<Adjustment> admitted) {
        Lines result = lines.copy();
        effective(position, all, admitted).forEach((key, a) -> result.put(key, result.get(key).adjustedTo(a.amount())));
        return result;
    }
}
