package org.tessera.crm.core.impl.party;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.search.SearchKeys;

/**
 * Normalization of the quick search: the terms stored per party in {@code party_search_term} and
 * the tokens of a query, normalized the same way so that prefix matching is case- and
 * accent-insensitive.
 *
 * <p>Rule for apostrophes: they are deleted, not turned into separators, in names and queries
 * alike, so {@code O'Brien} is stored as {@code obrien} and found by both {@code obrien} and
 * {@code o'brien}. (A separator would make {@code o'brien} two tokens, {@code o} and {@code brien}.)
 */
public final class SearchText {
    /** Longest stored term (the column's size). */
    public static final int MAX_TERM = 200;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\-.]+");
    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9+()\\-. ]*[0-9][0-9+()\\-. ]*");

    private SearchText() {
    }

    /**
     * Lower case, accents stripped, apostrophes deleted, other punctuation but {@code @._+-} replaced
     * by spaces: the one rule of every search, {@link SearchKeys#normalize}.
     */
    public static String normalize(String text) {
        return SearchKeys.normalize(text);
    }

    /** The normalized sort key of a display name. */
    public static String sortKey(String displayName) {
        return truncate(normalize(displayName), 400);
    }

    /**
     * Terms of a party: each name field whole and word by word, the display name whole, each
     * email address whole, each phone number as digits (and without its leading 0).
     */
    public static Set<String> termsOf(PartyDTO party) {
        Set<String> terms = new LinkedHashSet<>();
        for (String name : new String[] {party.firstName, party.lastName, party.legalName, party.name,
                party.displayName}) {
            String normalized = normalize(name);
            if (normalized.isEmpty()) {
                continue;
            }
            terms.add(normalized);
            for (String word : WORD_SEPARATORS.split(normalized)) {
                if (!word.isEmpty()) {
                    terms.add(word);
                }
            }
        }
        for (ContactMechanismDTO mechanism : party.contactMechanisms) {
            if (mechanism.value == null) {
                continue;
            }
            if (mechanism.type == ContactMechanismType.EMAIL) {
                terms.add(normalize(mechanism.value).replace(" ", ""));
            } else if (mechanism.type == ContactMechanismType.PHONE) {
                terms.addAll(phoneTerms(mechanism.value));
            }
        }
        Set<String> bounded = new LinkedHashSet<>();
        terms.forEach(term -> bounded.add(truncate(term, MAX_TERM)));
        bounded.remove("");
        return bounded;
    }

    /**
     * Digit forms of a phone number a user may type: as written ({@code +33 4 78 12 34 56} gives
     * {@code 33478123456}) and, for an international number whose country code is its own group,
     * the national forms with and without the trunk 0 ({@code 0478123456}, {@code 478123456}).
     */
    static Set<String> phoneTerms(String value) {
        Set<String> terms = new LinkedHashSet<>();
        String digits = digitsOf(value);
        if (digits.isEmpty()) {
            return terms;
        }
        terms.add(digits);
        String national = digits;
        String trimmed = value.trim();
        if (trimmed.startsWith("00")) {
            terms.add(digits.substring(2)); // 0041… is +41…
        }
        if (trimmed.startsWith("+") || trimmed.startsWith("00")) {
            String[] groups = trimmed.replaceFirst("^(\\+|00)", "").split("[^0-9]+", 2);
            boolean countryCodeIsAGroup = groups.length == 2 && groups[0].length() >= 1 && groups[0].length() <= 3;
            national = countryCodeIsAGroup ? digitsOf(groups[1]) : "";
            if (!national.isEmpty()) {
                terms.add("0" + national);
            }
        }
        if (national.startsWith("0") && national.length() > 1) {
            national = national.substring(1);
        }
        if (!national.isEmpty()) {
            terms.add(national);
        }
        return terms;
    }

    /**
     * Tokens of a query, each to be matched as the prefix of some term: split on whitespace,
     * normalized; a phone-like token (digits and phone punctuation only) becomes its digits.
     */
    public static List<String> queryTokens(String q) {
        List<String> tokens = new ArrayList<>();
        if (q == null) {
            return tokens;
        }
        if (PHONE_LIKE.matcher(q.trim()).matches()) {
            // "04 78 12 34 56" is one phone number, not five words
            String digits = digitsOf(q);
            tokens.add(truncate(digits, MAX_TERM));
            return tokens;
        }
        for (String raw : SPACES.split(q.trim())) {
            String token = PHONE_LIKE.matcher(raw).matches() ? digitsOf(raw) : normalize(raw).replace(" ", "");
            if (!token.isEmpty()) {
                tokens.add(truncate(token, MAX_TERM));
            }
        }
        return tokens;
    }

    /** The token as a LIKE prefix pattern with {@code !} as escape character. */
    public static String likePrefix(String token) {
        return token.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static String digitsOf(String value) {
        StringBuilder digits = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
