package org.tessera.crm.core.impl.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class CandidatePairsTest {
    private static final Set<String> RULES = Set.of("person-email", "person-name-address");

    @Test
    void theRuleOfAKeyIsWhatPrecedesItsFirstValueOrDigest() {
        assertEquals("person-email", CandidatePairs.ruleOf("person-email|ada@example.com"));
        assertEquals("person-name-address", CandidatePairs.ruleOf("person-name-address#0a1b2c"));
        assertEquals("bare", CandidatePairs.ruleOf("bare"));
    }

    @Test
    void partiesSharingAKeyArePairedOnceWhateverTheNumberOfKeysTheyShare() {
        CandidatePairs pairs = new CandidatePairs(RULES, Set.of());
        pairs.key("person-email|a@example.com", new long[] {3, 1, 2}, 3);
        pairs.key("person-name-address|1 rue x|ad", new long[] {1, 3}, 2);
        assertEquals(List.of(CandidatePairs.Pair.of(1, 2), CandidatePairs.Pair.of(1, 3), CandidatePairs.Pair.of(2, 3)), pairs.toScore());
        assertEquals(2, pairs.keysRead());
    }

    @Test
    void aKeyOfAnotherRuleOrHeldByOnePartyPairsNobody() {
        CandidatePairs pairs = new CandidatePairs(RULES, Set.of());
        pairs.key("organization-email|a@example.com", new long[] {1, 2}, 2);
        pairs.key("person-email|alone@example.com", new long[] {7}, 1);
        assertEquals(List.of(), pairs.toScore());
        assertEquals(1, pairs.keysRead(), "the other rule's key is not even counted");
    }

    @Test
    void aKeyHeldByTooManyPartiesIsPoorAndSkipped() {
        CandidatePairs pairs = new CandidatePairs(RULES, Set.of());
        long[] crowd = LongStream.rangeClosed(1, CandidatePairs.MAX_GROUP + 1).toArray();
        pairs.key("person-name-address|1 main street|jo", crowd, crowd.length);
        long[] most = LongStream.rangeClosed(1, CandidatePairs.MAX_GROUP).toArray();
        pairs.key("person-email|shared@example.com", most, most.length);
        assertEquals(1, pairs.poorKeys());
        assertEquals(CandidatePairs.MAX_GROUP * (CandidatePairs.MAX_GROUP - 1) / 2, pairs.toScore().size(),
                "a key at the limit still pairs all its holders");
    }

    @Test
    void aDismissedPairIsLeftOutAndCountedOnce() {
        Set<CandidatePairs.Pair> dismissed = new HashSet<>(Set.of(CandidatePairs.Pair.of(2, 1)));
        CandidatePairs pairs = new CandidatePairs(RULES, dismissed);
        pairs.key("person-email|a@example.com", new long[] {1, 2, 3}, 3);
        pairs.key("person-name-address|x|ad", new long[] {2, 1}, 2);
        assertEquals(List.of(CandidatePairs.Pair.of(1, 3), CandidatePairs.Pair.of(2, 3)), pairs.toScore());
        assertEquals(1, pairs.dismissedPairs());
    }
}
