package org.tessera.crm.core.impl.duplicate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tessera.crm.core.api.duplicate.DuplicateScanDTO;
import org.tessera.crm.core.api.duplicate.DuplicateSetDTO;
import org.tessera.crm.core.impl.db.IdBlocks;

/**
 * The scans' tables: {@code duplicate_scan} (a scan and its counts), {@code duplicate_scan_set} and
 * {@code duplicate_scan_pair} (what it found), {@code duplicate_dismissal} (pairs reviewers said are
 * not duplicates). Plain JDBC on the caller's connection, inside its transaction.
 */
final class ScanTables {
    private static final String SCAN_COLUMNS = "id, state, party_type, requested_by, requested_at, started_at, finished_at,"
            + " keys_read, parties_scanned, candidate_pairs, poor_keys, dismissed_pairs, matched_pairs, set_count, error_message";

    private final Connection connection;

    ScanTables(Connection connection) {
        this.connection = connection;
    }

    /** A scan queued by {@code node}, which holds it until {@code until}. */
    long insertScan(String partyType, String requestedBy, Instant at, String node, Instant until) throws SQLException {
        long id = new IdBlocks(connection).next("duplicate_scan_seq");
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO duplicate_scan (id, state, party_type, requested_by,"
                + " requested_at, claimed_by, claimed_until) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, DuplicateScanDTO.State.QUEUED.name());
            s.setString(3, partyType);
            s.setString(4, requestedBy);
            s.setTimestamp(5, Timestamp.from(at));
            s.setString(6, node);
            s.setTimestamp(7, Timestamp.from(until));
            s.executeUpdate();
        }
        return id;
    }

    /** The scans queued or running whose node holds them at {@code now}: at most one. */
    List<Long> unfinished(Instant now) throws SQLException {
        return unfinished(" AND claimed_until >= ?", now);
    }

    /** The scans queued or running whose node's lease lapsed at {@code now} (or that never had one): their node stopped. */
    List<Long> abandoned(Instant now) throws SQLException {
        return unfinished(" AND (claimed_until IS NULL OR claimed_until < ?)", now);
    }

    /** Every scan queued or running, whoever holds it. */
    List<Long> unfinished() throws SQLException {
        return unfinished("", null);
    }

    private List<Long> unfinished(String lease, Instant now) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT id FROM duplicate_scan WHERE state IN (?, ?)" + lease)) {
            s.setString(1, DuplicateScanDTO.State.QUEUED.name());
            s.setString(2, DuplicateScanDTO.State.RUNNING.name());
            if (now != null) {
                s.setTimestamp(3, Timestamp.from(now));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The running scan's node holds it until {@code until}: said at each step of the scan. */
    void held(long id, String node, Instant until) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE duplicate_scan SET claimed_until = ? WHERE id = ? AND claimed_by = ?")) {
            s.setTimestamp(1, Timestamp.from(until));
            s.setLong(2, id);
            s.setString(3, node);
            s.executeUpdate();
        }
    }

    /**
     * Marks failed a scan still unfinished whose lease lapsed before {@code at} (or, {@code anyLease},
     * whatever its lease: a single-node database after a restart), re-checked by the UPDATE itself so
     * that a scan whose node renewed its lease meanwhile is left alone; drops its sets then.
     *
     * @return whether it was marked
     */
    boolean failedAbandoned(long id, String error, Instant at, boolean anyLease) throws SQLException {
        int marked;
        try (PreparedStatement s = connection.prepareStatement("UPDATE duplicate_scan SET state = ?, error_message = ?, finished_at = ?,"
                + " set_count = 0 WHERE id = ? AND state IN (?, ?)" + (anyLease ? "" : " AND (claimed_until IS NULL OR claimed_until < ?)"))) {
            s.setString(1, DuplicateScanDTO.State.FAILED.name());
            s.setString(2, error);
            s.setTimestamp(3, Timestamp.from(at));
            s.setLong(4, id);
            s.setString(5, DuplicateScanDTO.State.QUEUED.name());
            s.setString(6, DuplicateScanDTO.State.RUNNING.name());
            if (!anyLease) {
                s.setTimestamp(7, Timestamp.from(at));
            }
            marked = s.executeUpdate();
        }
        if (marked == 1) {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM duplicate_scan_set WHERE scan_id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
        }
        return marked == 1;
    }

    void started(long id, Instant at) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE duplicate_scan SET state = ?, started_at = ? WHERE id = ?")) {
            s.setString(1, DuplicateScanDTO.State.RUNNING.name());
            s.setTimestamp(2, Timestamp.from(at));
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    void progress(long id, long keysRead, long parties, long candidates, long poor, long dismissed, long matched) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE duplicate_scan SET keys_read = ?, parties_scanned = ?,"
                + " candidate_pairs = ?, poor_keys = ?, dismissed_pairs = ?, matched_pairs = ? WHERE id = ?")) {
            s.setLong(1, keysRead);
            s.setLong(2, parties);
            s.setLong(3, candidates);
            s.setLong(4, poor);
            s.setLong(5, dismissed);
            s.setLong(6, matched);
            s.setLong(7, id);
            s.executeUpdate();
        }
    }

    void finished(long id, long sets, Instant at) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE duplicate_scan SET state = ?, set_count = ?, finished_at = ?"
                + " WHERE id = ?")) {
            s.setString(1, DuplicateScanDTO.State.DONE.name());
            s.setLong(2, sets);
            s.setTimestamp(3, Timestamp.from(at));
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    /** Marks the scan failed and drops what it had written of its sets. */
    void failed(long id, String error, Instant at) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM duplicate_scan_set WHERE scan_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("UPDATE duplicate_scan SET state = ?, error_message = ?,"
                + " finished_at = ?, set_count = 0 WHERE id = ?")) {
            s.setString(1, DuplicateScanDTO.State.FAILED.name());
            s.setString(2, error.length() > 500 ? error.substring(0, 500) : error);
            s.setTimestamp(3, Timestamp.from(at));
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    /** Writes sets numbered from {@code firstNumber}, with their pairs. */
    void insertSets(long scanId, int firstNumber, List<DuplicateSets.Group> groups) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("INSERT INTO duplicate_scan_set (scan_id, set_no, status,"
                + " best_score, member_count) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement pair = connection.prepareStatement("INSERT INTO duplicate_scan_pair (scan_id, set_no, party_a,"
                        + " party_b, rule_key, score) VALUES (?, ?, ?, ?, ?, ?)")) {
            int number = firstNumber;
            for (DuplicateSets.Group group : groups) {
                set.setLong(1, scanId);
                set.setInt(2, number);
                set.setString(3, DuplicateSetDTO.Status.OPEN.name());
                set.setDouble(4, group.bestScore());
                set.setInt(5, group.members().size());
                set.addBatch();
                for (DuplicateSets.Match match : group.pairs()) {
                    pair.setLong(1, scanId);
                    pair.setInt(2, number);
                    pair.setLong(3, match.low());
                    pair.setLong(4, match.high());
                    pair.setString(5, match.rule());
                    pair.setDouble(6, match.score());
                    pair.addBatch();
                }
                number++;
            }
            set.executeBatch();
            pair.executeBatch();
        }
    }

    Optional<DuplicateScanDTO> scan(long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + SCAN_COLUMNS + " FROM duplicate_scan WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(scan(rs)) : Optional.empty();
            }
        }
    }

    /** Scans newest first, before {@code beforeId} when given. */
    List<DuplicateScanDTO> scans(Long beforeId, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + SCAN_COLUMNS + " FROM duplicate_scan"
                + (beforeId == null ? "" : " WHERE id < ?") + " ORDER BY id DESC")) {
            s.setMaxRows(limit);
            if (beforeId != null) {
                s.setLong(1, beforeId);
            }
            List<DuplicateScanDTO> scans = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    scans.add(scan(rs));
                }
            }
            return scans;
        }
    }

    /**
     * The sets of a scan after set number {@code after}, in number order (strongest first), whose
     * parties are all within {@code visibleUnits} (empty: no perimeter): the perimeter is a condition
     * of the query, so a page is never short because of it.
     */
    List<DuplicateSetDTO> sets(long scanId, DuplicateSetDTO.Status status, int after, Optional<Set<Long>> visibleUnits, int limit)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT s.set_no, s.status, s.best_score FROM duplicate_scan_set s"
                + " WHERE s.scan_id = ? AND s.set_no > ?");
        params.add(scanId);
        params.add(after);
        if (status != null) {
            sql.append(" AND s.status = ?");
            params.add(status.name());
        }
        appendPerimeter(sql, params, visibleUnits);
        sql.append(" ORDER BY s.set_no");
        Map<Integer, DuplicateSetDTO> sets = new LinkedHashMap<>();
        try (PreparedStatement s = prepare(sql.toString(), params)) {
            s.setMaxRows(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DuplicateSetDTO set = new DuplicateSetDTO();
                    set.scanId = String.valueOf(scanId);
                    set.id = String.valueOf(rs.getInt(1));
                    set.status = DuplicateSetDTO.Status.valueOf(rs.getString(2));
                    set.bestScore = Math.round(rs.getDouble(3) * 1000) / 1000.0;
                    sets.put(rs.getInt(1), set);
                }
            }
        }
        if (!sets.isEmpty()) {
            fillPairs(scanId, sets);
        }
        return new ArrayList<>(sets.values());
    }

    /** A set's members must all be visible: none of its pairs names a party outside the perimeter (or without a unit). */
    private static void appendPerimeter(StringBuilder sql, List<Object> params, Optional<Set<Long>> visibleUnits) {
        if (visibleUnits.isEmpty()) {
            return;
        }
        if (visibleUnits.get().isEmpty()) {
            sql.append(" AND 1 = 0");
            return;
        }
        sql.append(" AND NOT EXISTS (SELECT 1 FROM duplicate_scan_pair q JOIN party p ON p.id = q.party_a OR p.id = q.party_b"
                + " WHERE q.scan_id = s.scan_id AND q.set_no = s.set_no AND (p.org_unit_id IS NULL OR p.org_unit_id NOT IN (");
        String separator = "";
        for (Long unit : visibleUnits.get()) {
            sql.append(separator).append('?');
            params.add(unit);
            separator = ", ";
        }
        sql.append(")))");
    }

    private void fillPairs(long scanId, Map<Integer, DuplicateSetDTO> sets) throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(scanId);
        StringBuilder marks = new StringBuilder();
        for (Integer number : sets.keySet()) {
            marks.append(marks.length() == 0 ? "?" : ", ?");
            params.add(number);
        }
        Map<Integer, Set<Long>> seen = new LinkedHashMap<>();
        try (PreparedStatement s = prepare("SELECT q.set_no, q.party_a, q.party_b, q.rule_key, q.score,"
                + " a.display_name, a.party_type, b.display_name, b.party_type FROM duplicate_scan_pair q"
                + " LEFT JOIN party a ON a.id = q.party_a LEFT JOIN party b ON b.id = q.party_b"
                + " WHERE q.scan_id = ? AND q.set_no IN (" + marks + ") ORDER BY q.set_no, q.score DESC, q.party_a, q.party_b", params);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                DuplicateSetDTO set = sets.get(rs.getInt(1));
                long a = rs.getLong(2);
                long b = rs.getLong(3);
                set.pairs.add(new DuplicateSetDTO.Pair(String.valueOf(a), String.valueOf(b), rs.getString(4),
                        Math.round(rs.getDouble(5) * 1000) / 1000.0));
                Set<Long> members = seen.computeIfAbsent(rs.getInt(1), n -> new HashSet<>());
                if (members.add(a)) {
                    set.members.add(new DuplicateSetDTO.Member(String.valueOf(a), rs.getString(6), rs.getString(7)));
                }
                if (members.add(b)) {
                    set.members.add(new DuplicateSetDTO.Member(String.valueOf(b), rs.getString(8), rs.getString(9)));
                }
            }
        }
        sets.values().forEach(set -> set.members.sort((x, y) -> Long.compare(Long.parseLong(x.partyId), Long.parseLong(y.partyId))));
    }

    void setStatus(long scanId, int setNo, DuplicateSetDTO.Status status) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE duplicate_scan_set SET status = ? WHERE scan_id = ? AND set_no = ?")) {
            s.setString(1, status.name());
            s.setLong(2, scanId);
            s.setInt(3, setNo);
            s.executeUpdate();
        }
    }

    /** Records the pairs as dismissed; a pair dismissed before stays as it was. */
    void dismiss(List<CandidatePairs.Pair> pairs, String by, Instant at) throws SQLException {
        Set<CandidatePairs.Pair> already = dismissed();
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO duplicate_dismissal (party_a, party_b, dismissed_at,"
                + " dismissed_by) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (CandidatePairs.Pair pair : pairs) {
                if (already.add(pair)) {
                    s.setLong(1, pair.low());
                    s.setLong(2, pair.high());
                    s.setTimestamp(3, Timestamp.from(at));
                    s.setString(4, by);
                    s.addBatch();
                    pending++;
                }
            }
            if (pending > 0) {
                s.executeBatch();
            }
        }
    }

    Set<CandidatePairs.Pair> dismissed() throws SQLException {
        Set<CandidatePairs.Pair> pairs = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT party_a, party_b FROM duplicate_dismissal");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                pairs.add(CandidatePairs.Pair.of(rs.getLong(1), rs.getLong(2)));
            }
        }
        return pairs;
    }

    long partyCount(String partyType) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM party" + (partyType == null ? "" : " WHERE party_type = ?"))) {
            if (partyType != null) {
                s.setString(1, partyType);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object param = params.get(i);
            if (param instanceof Long value) {
                s.setLong(i + 1, value);
            } else if (param instanceof Integer value) {
                s.setInt(i + 1, value);
            } else {
                s.setString(i + 1, (String) param);
            }
        }
        return s;
    }

    private static DuplicateScanDTO scan(ResultSet rs) throws SQLException {
        DuplicateScanDTO scan = new DuplicateScanDTO();
        scan.id = String.valueOf(rs.getLong(1));
        scan.state = DuplicateScanDTO.State.valueOf(rs.getString(2));
        scan.partyType = rs.getString(3);
        scan.requestedBy = rs.getString(4);
        scan.requestedAt = instant(rs.getTimestamp(5));
        scan.startedAt = instant(rs.getTimestamp(6));
        scan.finishedAt = instant(rs.getTimestamp(7));
        scan.keysRead = rs.getLong(8);
        scan.partiesScanned = rs.getLong(9);
        scan.candidatePairs = rs.getLong(10);
        scan.poorKeys = rs.getLong(11);
        scan.dismissedPairs = rs.getLong(12);
        scan.matchedPairs = rs.getLong(13);
        scan.sets = rs.getLong(14);
        scan.error = rs.getString(15);
        return scan;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
