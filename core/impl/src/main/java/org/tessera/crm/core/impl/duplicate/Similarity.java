package org.tessera.crm.core.impl.duplicate;

import java.util.HashSet;
import java.util.Set;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** Similarity scores of two normalized values, from 0 (nothing in common) to 1 (equal). */
public final class Similarity {
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private Similarity() {
    }

    /** Jaro-Winkler: tolerant of typos and transpositions, weighs a common beginning. */
    public static double jaroWinkler(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        return JARO_WINKLER.apply(a, b);
    }

    /**
     * Trigram similarity (shared trigrams over all trigrams, of the value padded with two spaces in
     * front and one behind, as PostgreSQL's pg_trgm does): tolerant of words in another order.
     */
    public static double trigram(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        Set<String> left = trigrams(a);
        Set<String> right = trigrams(b);
        if (left.isEmpty() && right.isEmpty()) {
            return 1;
        }
        Set<String> shared = new HashSet<>(left);
        shared.retainAll(right);
        Set<String> all = new HashSet<>(left);
        all.addAll(right);
        return (double) shared.size() / all.size();
    }

    private static Set<String> trigrams(String value) {
        Set<String> result = new HashSet<>();
        for (String word : value.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                result.add(padded.substring(i, i + 3));
            }
        }
        return result;
    }
}
