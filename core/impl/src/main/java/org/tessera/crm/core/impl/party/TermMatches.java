package org.tessera.crm.core.impl.party;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.tessera.crm.core.impl.support.SqlBuilder;

/**
 * The quick-search plan for a rare prefix. {@code EXISTS (term LIKE 'x%')} per party is cheap when
 * many parties match (a few probes find a page), but for a rare prefix it probes every party of
 * the table: 3.3 s at 200,000 parties on Derby. So the search first reads at most {@link #SPARSE}
 * rows of the term index for the prefix (a range scan, a few milliseconds); when that is all of
 * them, the page is chosen among those party ids only.
 */
final class TermMatches {
    static final int SPARSE = 1024;
    /** IN lists are padded to one of these sizes, so that the database sees few statement shapes. */
    private static final int[] SIZES = {16, 128, SPARSE};

    private TermMatches() {
    }

    /** The token as a LIKE prefix pattern with {@code !} as escape character. */
    static String likePrefix(String token) {
        return token.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /**
     * The smallest string above every string starting with {@code prefix} in code point order: the
     * last character one higher (dropping trailing maximal characters); empty when there is none.
     */
    static Optional<String> upperBound(String prefix) {
        StringBuilder upper = new StringBuilder(prefix);
        while (upper.length() > 0) {
            char last = upper.charAt(upper.length() - 1);
            if (last < Character.MAX_VALUE) {
                upper.setCharAt(upper.length() - 1, (char) (last + 1));
                return Optional.of(upper.toString());
            }
            upper.setLength(upper.length() - 1);
        }
        return Optional.empty();
    }

    /**
     * {@code t.term} starting with {@code token}. With {@code asRange} (PostgreSQL), also as a range
     * of the term index ({@code t.term >= ? AND t.term < ?}): PostgreSQL may plan a prepared
     * statement once for every parameter value, and such a plan cannot use an index for
     * {@code LIKE ?}, so a rare prefix read all 7 million terms of a million parties (3.6 s); with
     * the range, the same plan reads the index (4 ms). The {@code LIKE} stays, and is exact. Only
     * for {@link #sparse}: in a page's {@code EXISTS}, the range makes that plan gather every term of
     * a frequent prefix first (74,000 for "mar": 1 s) instead of walking the parties in page order.
     */
    static void appendPrefix(SqlBuilder sql, String token, boolean asRange) {
        Optional<String> upper = asRange ? upperBound(token) : Optional.empty();
        if (upper.isPresent()) {
            sql.append("t.term >= ").param(token).append(" AND t.term < ").param(upper.get()).append(" AND ");
        }
        sql.append("t.term LIKE ").param(likePrefix(token)).append(" ESCAPE '!'");
    }

    /** The parties having a term starting with {@code token}, if there are at most {@link #SPARSE} such terms. */
    static Optional<List<Long>> sparse(EntityManager em, String token, boolean asRange) {
        SqlBuilder sql = new SqlBuilder().append("SELECT t.party_id FROM party_search_term t WHERE ");
        appendPrefix(sql, token, asRange);
        List<?> rows = sql.firstRows(em, SPARSE + 1);
        if (rows.size() > SPARSE) {
            return Optional.empty();
        }
        Set<Long> ids = new LinkedHashSet<>();
        rows.forEach(row -> ids.add(((Number) row).longValue()));
        return Optional.of(new ArrayList<>(ids));
    }

    /** {@code AND p.id IN (...)}, padded with an id that never exists. */
    static void appendIn(SqlBuilder sql, List<Long> ids) {
        if (ids.isEmpty()) {
            sql.append(" AND 1 = 0");
            return;
        }
        int size = SIZES[SIZES.length - 1];
        for (int candidate : SIZES) {
            if (ids.size() <= candidate) {
                size = candidate;
                break;
            }
        }
        sql.append(" AND p.id IN (");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.param(i < ids.size() ? ids.get(i) : -1L);
        }
        sql.append(")");
    }
}
