package org.tessera.crm.core.impl.duplicate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Runs one batch scan in three steps, each in short transactions so that writes go on meanwhile:
 * <ol>
 * <li>reads the stored matching keys in key order (an index-only read) and pairs the parties that
 * share a key ({@link CandidatePairs}): the blocking that keeps the scan linear in the keys;</li>
 * <li>scores the candidate pairs with the rules, {@link #SCORE_BATCH} pairs at a time, the parties
 * of a batch read together with what the rules use only ({@link MatchFactsReader});</li>
 * <li>joins the matched pairs into sets ({@link DuplicateSets}) and writes them.</li>
 * </ol>
 * The keys are those the write-time check uses, kept current by every write and rebuilt when the
 * rules change, so the scan and the check agree.
 */
final class DuplicateScanner {
    static final int SCORE_BATCH = 1000;
    static final int WRITE_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(DuplicateScanner.class);

    private final Tx tx;
    private final PartyDuplicates duplicates;
    private final String node;
    private final Duration lease;

    /** {@code node} holds the scans it runs, renewing its {@code lease} at each step (see {@link ScanTables#held}). */
    DuplicateScanner(Tx tx, PartyDuplicates duplicates, String node, Duration lease) {
        this.tx = tx;
        this.duplicates = duplicates;
        this.node = node;
        this.lease = lease;
    }

    private ScanTables held(EntityManager em, long scanId) throws SQLException {
        ScanTables tables = new ScanTables(connection(em));
        tables.held(scanId, node, Times.now().plus(lease));
        return tables;
    }

    /** Runs the scan {@code scanId} of {@code partyType} ({@code null}: every type) to its end. */
    void run(long scanId, PartyType partyType) {
        long started = System.nanoTime();
        tx.required(em -> PartyDuplicates.sql(() -> {
            held(em, scanId).started(scanId, Times.now());
            return null;
        }));
        duplicates.rebuildIfStale(); // keys built for other rules would pair the wrong parties
        List<MatchRule> rules = tx.required(em -> duplicates.session(em).rules()).stream()
                .filter(rule -> partyType == null || rule.partyType() == partyType).toList();
        PhoneNumbers phones = tx.required(em -> duplicates.session(em).phones());
        String type = partyType == null ? null : partyType.name();

        CandidatePairs candidates = tx.required(em -> PartyDuplicates.sql(() -> {
            ScanTables tables = new ScanTables(connection(em));
            CandidatePairs pairs = new CandidatePairs(rules.stream().map(MatchRule::key).collect(Collectors.toSet()), tables.dismissed());
            readKeyGroups(connection(em), pairs);
            return pairs;
        }));
        List<CandidatePairs.Pair> toScore = candidates.toScore();
        long parties = tx.required(em -> PartyDuplicates.sql(() -> new ScanTables(connection(em)).partyCount(type)));
        LOG.info("Duplicate scan {}: {} keys read, {} candidate pairs to score ({} poor keys skipped, {} dismissed pairs left out) in {} ms",
                scanId, candidates.keysRead(), toScore.size(), candidates.poorKeys(), candidates.dismissedPairs(), elapsed(started));

        DuplicateSets sets = new DuplicateSets();
        for (int from = 0; from < toScore.size(); from += SCORE_BATCH) {
            List<CandidatePairs.Pair> batch = toScore.subList(from, Math.min(toScore.size(), from + SCORE_BATCH));
            tx.required(em -> {
                score(em, rules, phones, batch, sets);
                return PartyDuplicates.sql(() -> {
                    held(em, scanId).progress(scanId, candidates.keysRead(), parties, toScore.size(),
                            candidates.poorKeys(), candidates.dismissedPairs(), sets.matchCount());
                    return null;
                });
            });
        }
        tx.required(em -> PartyDuplicates.sql(() -> {
            held(em, scanId).progress(scanId, candidates.keysRead(), parties, toScore.size(),
                    candidates.poorKeys(), candidates.dismissedPairs(), sets.matchCount());
            return null;
        }));

        List<DuplicateSets.Group> groups = sets.sets();
        for (int from = 0; from < groups.size(); from += WRITE_BATCH) {
            int first = from;
            List<DuplicateSets.Group> batch = groups.subList(from, Math.min(groups.size(), from + WRITE_BATCH));
            tx.required(em -> PartyDuplicates.sql(() -> {
                held(em, scanId).insertSets(scanId, first + 1, batch);
                return null;
            }));
        }
        tx.required(em -> PartyDuplicates.sql(() -> {
            new ScanTables(connection(em)).finished(scanId, groups.size(), Times.now());
            return null;
        }));
        LOG.info("Duplicate scan {} done in {} ms: {} parties, {} candidate pairs, {} matched, {} sets",
                scanId, elapsed(started), parties, toScore.size(), sets.matchCount(), groups.size());
    }

    /** Streams the keys in key order and hands each key, with the parties holding it, to {@code pairs}. */
    private static void readKeyGroups(Connection connection, CandidatePairs pairs) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT match_key, party_id FROM party_match_key ORDER BY match_key, party_id")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                String key = null;
                long[] holders = new long[CandidatePairs.MAX_GROUP + 1];
                int count = 0;
                while (rs.next()) {
                    String next = rs.getString(1);
                    if (!next.equals(key)) {
                        if (key != null) {
                            pairs.key(key, holders, count);
                        }
                        key = next;
                        count = 0;
                    }
                    if (count < holders.length) {
                        holders[count] = rs.getLong(2);
                    }
                    count++; // past the array: the key is poor, its holders need not be kept
                }
                if (key != null) {
                    pairs.key(key, holders, count);
                }
            }
        }
    }

    private void score(EntityManager em, List<MatchRule> rules, PhoneNumbers phones, List<CandidatePairs.Pair> batch, DuplicateSets sets) {
        Set<Long> ids = new LinkedHashSet<>();
        batch.forEach(pair -> {
            ids.add(pair.low());
            ids.add(pair.high());
        });
        Map<Long, PartyFacts> facts = PartyDuplicates.sql(() -> new MatchFactsReader(em, rules).read(new ArrayList<>(ids)));
        for (CandidatePairs.Pair pair : batch) {
            PartyFacts low = facts.get(pair.low());
            PartyFacts high = facts.get(pair.high());
            if (low == null || high == null) {
                continue; // deleted since its keys were read
            }
            DuplicateMatch match = DuplicateSession.best(rules, low, high, phones);
            if (match != null) {
                sets.add(new DuplicateSets.Match(pair.low(), pair.high(), match.rule(), match.score()));
            }
        }
        em.clear();
    }

    private static Connection connection(EntityManager em) {
        return em.unwrap(Connection.class);
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
