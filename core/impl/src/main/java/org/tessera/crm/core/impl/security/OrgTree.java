package org.tessera.crm.core.impl.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The org unit tree as parent links; answers which units lie in a unit's subtree. */
final class OrgTree {
    private final Map<Long, List<Long>> children = new HashMap<>();

    /** @param parentLinks pairs of (unit id, parent id or null) */
    OrgTree(List<Object[]> parentLinks) {
        for (Object[] link : parentLinks) {
            Long unit = ((Number) link[0]).longValue();
            Long parent = link[1] == null ? null : ((Number) link[1]).longValue();
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(unit);
        }
    }

    /** The unit and every unit below it; cycles are cut. */
    Set<Long> subtree(Long root) {
        Set<Long> units = new LinkedHashSet<>();
        Deque<Long> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Long unit = pending.pop();
            if (units.add(unit)) {
                children.getOrDefault(unit, List.of()).forEach(pending::push);
            }
        }
        return units;
    }
}
