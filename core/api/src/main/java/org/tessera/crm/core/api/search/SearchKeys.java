package org.tessera.crm.core.api.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The text matching of the search, one rule for the core and every module: a query matches a
 * record when each of its words is the prefix of a word of the record's text, case and accents
 * ignored ({@code meg} finds {@code Mégane}, {@code obrien} finds {@code O'Brien}).
 *
 * <p>A module that stores no normalized copy of its text finds its records in two steps, both
 * given here: {@link #candidates} is a SQL condition that every matching row meets (and some others:
 * it cannot fold accents in SQL), then {@link #matches} keeps the rows that really match.
 */
public final class SearchKeys {
    /** Longest query the search accepts, in characters. */
    public static final int MAX_QUERY_LENGTH = 100;

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    /** Deleted, not turned into separators: {@code O'Brien} is {@code obrien}. */
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02bc`\u00b4]");
    /** Anything but letters, digits, the email characters and spaces. */
    private static final Pattern DISALLOWED = Pattern.compile("[^\\p{L}\\p{N}@._+\\- ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\-.]+");
    /**
     * Letters that carry accents in the Latin-script languages of Western and Central Europe: in
     * the SQL condition each stands for any one character, as {@code é} in the stored text is one
     * character that the database cannot fold into {@code e}.
     */
    private static final String ACCENTED_BASES = "aceinouysz";
    /** Rows holding an apostrophe are always candidates: normalizing deletes it, so the text shifts. */
    private static final String APOSTROPHE_ROWS = " OR %1$s LIKE '%%''%%' OR %1$s LIKE '%%\u2019%%'";

    private SearchKeys() {
    }

    /** Lower case, accents stripped, apostrophes deleted, other punctuation but {@code @._+-} replaced by spaces. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        plain = APOSTROPHES.matcher(plain).replaceAll("").toLowerCase(Locale.ROOT);
        plain = DISALLOWED.matcher(plain).replaceAll(" ");
        return SPACES.matcher(plain).replaceAll(" ").trim();
    }

    /** The normalized words of a query, in order, without repeats; empty when it has none. */
    public static List<String> tokens(String q) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : normalize(q).split(" ")) {
            if (!word.isEmpty()) {
                tokens.add(word);
            }
        }
        return new ArrayList<>(tokens);
    }

    /**
     * Whether every token is the prefix of a term of the texts: a text whole, each of its
     * space-separated words, and each part of those split at hyphens and dots, all normalized.
     */
    public static boolean matches(List<String> tokens, String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            String normalized = normalize(text);
            if (normalized.isEmpty()) {
                continue;
            }
            terms.add(normalized);
            terms.addAll(List.of(normalized.split(" ")));
            terms.addAll(List.of(WORD_SEPARATORS.split(normalized)));
        }
        return tokens.stream().allMatch(token -> terms.stream().anyMatch(term -> term.startsWith(token)));
    }

    /**
     * A SQL condition (Derby and PostgreSQL) that every row matching {@code tokens} in one of
     * {@code columns} meets: for each token, one of the columns, lower-cased, contains it, with
     * each accentable letter as a one-character wildcard. Rows meeting it are candidates, to be
     * confirmed with {@link #matches}. The tokens are bound as parameters, never inlined.
     *
     * @param tokens normalized tokens, as {@link #tokens} gives them
     * @param columns SQL expressions of the searchable text, such as {@code o.name}
     */
    public static Condition candidates(List<String> tokens, String... columns) {
        StringBuilder sql = new StringBuilder("(1 = 1");
        List<String> parameters = new ArrayList<>();
        for (String token : tokens) {
            sql.append(" AND (");
            for (int i = 0; i < columns.length; i++) {
                sql.append(i == 0 ? "" : " OR ").append("LOWER(").append(columns[i]).append(") LIKE ? ESCAPE '!'");
                sql.append(String.format(APOSTROPHE_ROWS, columns[i]));
                parameters.add(containsPattern(token));
            }
            sql.append(")");
        }
        return new Condition(sql.append(")").toString(), parameters);
    }

    /**
     * The first {@code limit} candidates that really match, read batch after batch (a keyset
     * walk): {@code nextBatch} gets the last candidate of the previous batch ({@code null} for the
     * first) and returns the following ones, in the order wanted, {@code batchSize} at most. The
     * walk stops at a short batch or after {@code maxCandidates}, which bounds the work of a query
     * whose candidates mostly do not match.
     *
     * @param confirms whether a candidate matches, usually through {@link #matches}
     */
    public static <R> List<R> firstMatches(int limit, int batchSize, int maxCandidates, Function<R, List<R>> nextBatch,
            Predicate<R> confirms) {
        List<R> found = new ArrayList<>();
        R last = null;
        int read = 0;
        while (found.size() < limit && read < maxCandidates) {
            List<R> batch = nextBatch.apply(last);
            read += batch.size();
            for (R candidate : batch) {
                if (found.size() < limit && confirms.test(candidate)) {
                    found.add(candidate);
                }
            }
            if (batch.size() < batchSize) {
                break;
            }
            last = batch.get(batch.size() - 1);
        }
        return found;
    }

    /** The LIKE pattern (escape character {@code !}) of a text containing the token, accents aside. */
    static String containsPattern(String token) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : token.toCharArray()) {
            if (ACCENTED_BASES.indexOf(c) >= 0) {
                pattern.append('_');
            } else if (c == '!' || c == '%' || c == '_') {
                pattern.append('!').append(c);
            } else {
                pattern.append(c);
            }
        }
        return pattern.append('%').toString();
    }

    /**
     * A SQL condition with {@code ?} placeholders and the values to bind to them, in order.
     *
     * @param sql the condition, in parentheses
     * @param parameters the values of its placeholders
     */
    public record Condition(String sql, List<String> parameters) {
        public Condition {
            parameters = List.copyOf(parameters);
        }
    }
}
