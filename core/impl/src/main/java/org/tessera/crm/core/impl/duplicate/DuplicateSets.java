package org.tessera.crm.core.impl.duplicate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups matched pairs into sets of duplicates: parties joined by a chain of matches are one set
 * (union-find). The sets come strongest first, then by their lowest party id, so that a scan run
 * twice on the same data numbers its sets alike.
 */
final class DuplicateSets {
    /** A matched pair, the best rule that matched it and its score. */
    record Match(long low, long high, String rule, double score) {
    }

    /** A set: its parties in id order and the pairs that joined them. */
    record Group(List<Long> members, List<Match> pairs, double bestScore) {
    }

    private final Map<Long, Long> parent = new HashMap<>();
    private final List<Match> matches = new ArrayList<>();

    void add(Match match) {
        matches.add(match);
        long a = root(match.low());
        long b = root(match.high());
        if (a != b) {
            parent.put(Math.max(a, b), Math.min(a, b)); // the lowest id is the root: stable numbering
        }
    }

    int matchCount() {
        return matches.size();
    }

    List<Group> sets() {
        Map<Long, TreeSet<Long>> members = new HashMap<>();
        Map<Long, List<Match>> pairs = new HashMap<>();
        for (Match match : matches) {
            long root = root(match.low());
            members.computeIfAbsent(root, r -> new TreeSet<>()).add(match.low());
            members.get(root).add(match.high());
            pairs.computeIfAbsent(root, r -> new ArrayList<>()).add(match);
        }
        List<Group> sets = new ArrayList<>();
        members.forEach((root, ids) -> {
            List<Match> joined = pairs.get(root);
            double best = joined.stream().mapToDouble(Match::score).max().orElse(0);
            sets.add(new Group(List.copyOf(ids), List.copyOf(joined), best));
        });
        sets.sort(Comparator.comparingDouble(Group::bestScore).reversed().thenComparing(set -> set.members().get(0)));
        return sets;
    }

    private long root(long id) {
        long root = id;
        Long up;
        while ((up = parent.get(root)) != null) {
            root = up;
        }
        // path compression: the next lookups of this chain are one step
        long node = id;
        while ((up = parent.get(node)) != null && up != root) {
            parent.put(node, root);
            node = up;
        }
        return root;
    }
}
