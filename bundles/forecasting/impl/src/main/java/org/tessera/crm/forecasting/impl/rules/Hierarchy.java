package org.tessera.crm.forecasting.impl.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The forecast hierarchy: each position's manager position, its direct subordinates and its
 * depth. Either the explicit position tree ({@code parentId}), or derived from the org units: a
 * position's manager is the manager position of its unit, and a unit manager's is the manager
 * position of the nearest unit above that has one.
 */
public final class Hierarchy {
    /** How managers are found. */
    public enum Mode { POSITIONS, ORG_UNITS }

    /** What the hierarchy needs of a position. */
    public record Node(String id, String agentId, String orgUnitId, String parentId, boolean unitManager) {
    }

    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, String> managerOf = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();

    /**
     * @param unitParents each org unit's parent unit (null for a root), for {@link Mode#ORG_UNITS}
     */
    public Hierarchy(Mode mode, Collection<Node> positions, Map<String, String> unitParents) {
        positions.forEach(p -> nodes.put(p.id(), p));
        Map<String, String> unitManagers = new HashMap<>();
        positions.stream().filter(Node::unitManager).sorted(Comparator.comparing(Node::id))
                .forEach(p -> unitManagers.putIfAbsent(p.orgUnitId(), p.id()));
        for (Node p : positions) {
            String manager = mode == Mode.POSITIONS ? p.parentId() : unitManager(p, unitManagers, unitParents);
            if (manager != null && nodes.containsKey(manager) && !manager.equals(p.id())) {
                managerOf.put(p.id(), manager);
            }
        }
        // a cycle (only possible through inconsistent org data) is cut where it is found
        for (String id : new ArrayList<>(managerOf.keySet())) {
            Set<String> seen = new LinkedHashSet<>();
            String at = id;
            while (at != null && seen.add(at)) {
                at = managerOf.get(at);
            }
            if (at != null) {
                managerOf.remove(at);
            }
        }
        managerOf.forEach((p, m) -> children.computeIfAbsent(m, k -> new ArrayList<>()).add(p));
        children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        for (String id : nodes.keySet()) {
            depth.put(id, ancestors(id).size());
        }
    }

    private static String unitManager(Node p, Map<String, String> unitManagers, Map<String, String> unitParents) {
        String unit = p.unitManager() ? unitParents.get(p.orgUnitId()) : p.orgUnitId();
        Set<String> seen = new LinkedHashSet<>();
        while (unit != null && seen.add(unit)) {
            String manager = unitManagers.get(unit);
            if (manager != null && !manager.equals(p.id())) {
                return manager;
            }
            unit = unitParents.get(unit);
        }
        return null;
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Optional<String> managerOf(String id) {
        return Optional.ofNullable(managerOf.get(id));
    }

    public List<String> children(String id) {
        return children.getOrDefault(id, List.of());
    }

    public int depth(String id) {
        return depth.getOrDefault(id, 0);
    }

    /** From the manager up to the top. */
    public List<String> ancestors(String id) {
        List<String> up = new ArrayList<>();
        String at = managerOf.get(id);
        while (at != null) {
            up.add(at);
            at = managerOf.get(at);
        }
        return up;
    }

    /** Whether {@code id} is {@code top} or below it. */
    public boolean isAtOrBelow(String id, String top) {
        return id.equals(top) || ancestors(id).contains(top);
    }

    /** {@code top} and every position below it, top down (breadth first). */
    public List<String> subtree(String top) {
        List<String> out = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of(top));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            out.add(at);
            queue.addAll(children(at));
        }
        return out;
    }

    /** Every position, top down. */
    public List<String> all() {
        List<String> out = new ArrayList<>();
        nodes.keySet().stream().filter(id -> !managerOf.containsKey(id)).sorted().forEach(root -> out.addAll(subtree(root)));
        return out;
    }
}
