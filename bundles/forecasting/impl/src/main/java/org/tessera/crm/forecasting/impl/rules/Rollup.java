package org.tessera.crm.forecasting.impl.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A position's forecast as one viewer sees it: its own opportunities, each direct subordinate's
 * contribution (their last submitted revision, or live figures), the rollup of those, and the
 * total with the visible adjustments applied. Non-cumulative lines; the cumulative view is taken
 * afterwards. Each position is computed once (memoized), so a rollup is linear in the hierarchy.
 */
public final class Rollup {
    /** Where subordinates' figures come from. */
    public enum Source { SUBMITTED, LIVE }

    /** A subordinate's part of a rollup. */
    public record Contribution(String positionId, Source source, Integer revision, Lines lines) {
    }

    /** A position's forecast. */
    public record Result(String positionId, Lines own, List<Contribution> contributions, Lines rollup, Lines total) {
    }

    /** The last submitted revision of a position: its number and its total lines. */
    public record Submitted(int revision, Lines total) {
    }

    private final Hierarchy hierarchy;
    private final Map<String, Lines> own;
    private final Map<String, Submitted> submitted;
    private final Collection<Adjustment> adjustments;
    private final AdjustmentLayers layers;
    private final Source source;
    private final Map<String, Result> memo = new HashMap<>();

    /**
     * @param own each position's own lines (its agent's opportunities); a position without any may be absent
     * @param submitted each position's last submitted revision; absent when none
     * @param viewer the viewer's position, {@code null} for a caller who sees everything
     */
    public Rollup(Hierarchy hierarchy, Map<String, Lines> own, Map<String, Submitted> submitted,
            Collection<Adjustment> adjustments, String viewer, Source source) {
        this.hierarchy = hierarchy;
        this.own = own;
        this.submitted = submitted;
        this.adjustments = adjustments;
        this.layers = new AdjustmentLayers(hierarchy, viewer);
        this.source = source;
    }

    public AdjustmentLayers layers() {
        return layers;
    }

    public Result of(String position) {
        Result known = memo.get(position);
        if (known != null) {
            return known;
        }
        Lines ownLines = own.getOrDefault(position, Lines.empty());
        List<Contribution> contributions = new ArrayList<>();
        Lines rollup = Lines.empty();
        for (String child : hierarchy.children(position)) {
            Contribution c = contribution(child);
            contributions.add(c);
            rollup.addAll(c.lines());
        }
        Lines computed = ownLines.copy().addAll(rollup);
        Lines total = layers.apply(position, computed, adjustments, a -> true);
        Result result = new Result(position, ownLines, contributions, rollup, total);
        memo.put(position, result);
        return result;
    }

    private Contribution contribution(String child) {
        Submitted last = source == Source.SUBMITTED ? submitted.get(child) : null;
        if (last == null) {
            return new Contribution(child, Source.LIVE, null, of(child).total());
        }
        // the revision already holds the subordinate's own adjustments; only those made above it since count on top
        Lines lines = layers.apply(child, last.total(), adjustments, a -> !a.authorPositionId().equals(child));
        return new Contribution(child, Source.SUBMITTED, last.revision(), lines);
    }
}
