package org.tessera.crm.core.impl.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OrgTreeTest {
    private final OrgTree tree = new OrgTree(List.of(new Object[] {1L, null}, new Object[] {2L, 1L}, new Object[] {3L, 2L},
            new Object[] {4L, 2L}, new Object[] {5L, 1L}));

    @Test
    void aSubtreeHoldsTheUnitAndEveryUnitBelow() {
        assertEquals(Set.of(2L, 3L, 4L), tree.subtree(2L));
        assertEquals(Set.of(3L), tree.subtree(3L));
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), tree.subtree(1L));
    }

    @Test
    void aCycleEnds() {
        OrgTree cyclic = new OrgTree(List.of(new Object[] {1L, 2L}, new Object[] {2L, 1L}));
        assertEquals(Set.of(1L, 2L), cyclic.subtree(1L));
    }
}
