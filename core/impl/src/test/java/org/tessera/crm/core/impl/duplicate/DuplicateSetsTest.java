package org.tessera.crm.core.impl.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DuplicateSetsTest {
    private static DuplicateSets.Match match(long a, long b, double score) {
        return new DuplicateSets.Match(Math.min(a, b), Math.max(a, b), "rule", score);
    }

    @Test
    void pairsLinkedByAChainFormOneSet() {
        DuplicateSets sets = new DuplicateSets();
        sets.add(match(5, 9, 0.95));
        sets.add(match(9, 12, 0.93));
        sets.add(match(1, 2, 1.0));
        sets.add(match(12, 5, 0.94)); // closes a cycle: still one set
        List<DuplicateSets.Group> groups = sets.sets();
        assertEquals(2, groups.size());
        assertEquals(List.of(1L, 2L), groups.get(0).members(), "strongest first");
        assertEquals(List.of(5L, 9L, 12L), groups.get(1).members());
        assertEquals(3, groups.get(1).pairs().size());
        assertEquals(0.95, groups.get(1).bestScore());
        assertEquals(4, sets.matchCount());
    }

    @Test
    void twoChainsJoinedLaterBecomeOneSet() {
        DuplicateSets sets = new DuplicateSets();
        sets.add(match(10, 11, 1.0));
        sets.add(match(20, 21, 1.0));
        sets.add(match(11, 21, 0.9));
        assertEquals(List.of(List.of(10L, 11L, 20L, 21L)), sets.sets().stream().map(DuplicateSets.Group::members).toList());
    }

    @Test
    void setsOfEqualScoreComeInTheOrderOfTheirLowestParty() {
        DuplicateSets sets = new DuplicateSets();
        sets.add(match(30, 31, 1.0));
        sets.add(match(3, 4, 1.0));
        assertEquals(List.of(3L, 30L), sets.sets().stream().map(group -> group.members().get(0)).toList());
    }
}
