package org.tessera.crm.core.impl.duplicate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pairs of parties a batch scan compares: those that share a matching key of a scanned rule
 * (the blocking that keeps the scan far from n²). Fed one key at a time, with the parties holding
 * it. A key held by more than {@link #MAX_GROUP} parties is poor (a common name at a busy address)
 * and skipped, as the write-time check caps its candidates; a dismissed pair is left out.
 */
final class CandidatePairs {
    /** As many holders of one key as the write-time check reads candidates for. */
    static final int MAX_GROUP = DuplicateSession.MAX_CANDIDATES;

    /** Two parties, the lower id first. */
    record Pair(long low, long high) implements Comparable<Pair> {
        static Pair of(long a, long b) {
            return a < b ? new Pair(a, b) : new Pair(b, a);
        }

        @Override
        public int compareTo(Pair other) {
            int byLow = Long.compare(low, other.low);
            return byLow != 0 ? byLow : Long.compare(high, other.high);
        }
    }

    private final Set<String> ruleKeys;
    private final Set<Pair> dismissed;
    private final Set<Pair> pairs = new HashSet<>();
    private long keysRead;
    private long poorKeys;
    private long dismissedPairs;

    /**
     * @param ruleKeys the rules scanned: keys of other rules are ignored
     * @param dismissed pairs reviewers said are not duplicates
     */
    CandidatePairs(Set<String> ruleKeys, Set<Pair> dismissed) {
        this.ruleKeys = Set.copyOf(ruleKeys);
        this.dismissed = dismissed;
    }

    /** The rule a stored matching key belongs to: what precedes its first value ({@code |}) or digest ({@code #}). */
    static String ruleOf(String matchKey) {
        for (int i = 0; i < matchKey.length(); i++) {
            char c = matchKey.charAt(i);
            if (c == '|' || c == '#') {
                return matchKey.substring(0, i);
            }
        }
        return matchKey;
    }

    /** One key and the {@code count} first entries of {@code holders}: the parties that hold it. */
    void key(String matchKey, long[] holders, int count) {
        if (!ruleKeys.contains(ruleOf(matchKey))) {
            return;
        }
        keysRead++;
        if (count < 2) {
            return;
        }
        if (count > MAX_GROUP) {
            poorKeys++;
            return;
        }
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                if (holders[i] == holders[j]) {
                    continue;
                }
                Pair pair = Pair.of(holders[i], holders[j]);
                if (dismissed.contains(pair)) {
                    if (pairs.add(pair)) {
                        dismissedPairs++; // counted once, however many keys it shares
                    }
                } else {
                    pairs.add(pair);
                }
            }
        }
    }

    /** The pairs to score, lower id first, in order: consecutive pairs share parties, so batches read fewer. */
    List<Pair> toScore() {
        Pair[] ordered = pairs.stream().filter(pair -> !dismissed.contains(pair)).toArray(Pair[]::new);
        Arrays.sort(ordered);
        return new ArrayList<>(Arrays.asList(ordered));
    }

    long keysRead() {
        return keysRead;
    }

    long poorKeys() {
        return poorKeys;
    }

    long dismissedPairs() {
        return dismissedPairs;
    }
}
