package org.tessera.crm.core.impl.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    @Test
    void jaroWinklerRatesATypoAboveTheDefaultThresholdAndAnotherNameBelow() {
        assertEquals(1.0, Similarity.jaroWinkler("jean berard", "jean berard"), 1e-9);
        assertTrue(Similarity.jaroWinkler("jean berard", "jean berrard") >= 0.92);
        assertTrue(Similarity.jaroWinkler("jean berard", "paul martin") < 0.92);
        assertTrue(Similarity.jaroWinkler("anne morel", "anne moreau") < 0.95);
    }

    @Test
    void jaroWinklerOfAMissingValueIsZero() {
        assertEquals(0, Similarity.jaroWinkler(null, "x"), 1e-9);
    }

    @Test
    void trigramsTolerateWordsInAnotherOrder() {
        assertEquals(1.0, Similarity.trigram("berard jean", "jean berard"), 1e-9);
        assertTrue(Similarity.jaroWinkler("berard jean", "jean berard") < 0.92);
        assertTrue(Similarity.trigram("jean berard", "paul martin") < 0.2);
    }
}
