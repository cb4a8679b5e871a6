package org.tessera.crm.forecasting.impl.rules;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The explicit position tree as stored ({@code parentId}), whatever hierarchy is configured: a
 * parent that reports to the position it is given to would close a loop in it.
 */
public final class ExplicitTree {
    private ExplicitTree() {
    }

    /**
     * Whether {@code from} is {@code target} or reports to it through its parents, however deep.
     * Stops at a loop already stored (which {@link Hierarchy} cuts when it reads the tree).
     *
     * @param parents each position's parent, absent or {@code null} for a root
     */
    public static <T> boolean reportsTo(Map<T, T> parents, T from, T target) {
        Set<T> seen = new HashSet<>();
        for (T at = from; at != null && seen.add(at); at = parents.get(at)) {
            if (at.equals(target)) {
                return true;
            }
        }
        return false;
    }
}
