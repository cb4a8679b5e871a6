package org.tessera.crm.core.impl.duplicate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.tessera.crm.core.api.duplicate.DuplicateAction;
import org.tessera.crm.core.api.duplicate.MatchMethod;
import org.tessera.crm.core.api.party.PartyType;

/**
 * A validated duplicate rule, ready to evaluate: two parties of its type match when every field
 * matches; the rule's score is its weakest field's. Its blocking keys (one per combination of the
 * party's values of the fields) are what the database stores per party and looks candidates up by.
 */
public record MatchRule(String key, PartyType partyType, DuplicateAction action, List<MatchField> fields) {
    /** Keys longer than this are stored as a digest. */
    static final int MAX_KEY = 200;
    /** Combinations of values kept per rule and party: a party with many addresses and phones stays bounded. */
    static final int MAX_KEYS_PER_RULE = 32;

    public MatchRule {
        fields = List.copyOf(fields);
    }

    /** The score of {@code left} against {@code right}, when every field matches. */
    public OptionalDouble score(PartyFacts left, PartyFacts right, PhoneNumbers phones) {
        if (left.party().type != partyType || right.party().type != partyType) {
            return OptionalDouble.empty();
        }
        double weakest = 1;
        for (MatchField field : fields) {
            double score = field.score(field.values(left, phones), field.values(right, phones));
            if (!field.matches(score)) {
                return OptionalDouble.empty();
            }
            weakest = Math.min(weakest, score);
        }
        return OptionalDouble.of(weakest);
    }

    /** The blocking keys of a party under this rule; none when it is of another type or lacks a field. */
    public Set<String> blockingKeys(PartyFacts facts, PhoneNumbers phones) {
        Set<String> keys = new LinkedHashSet<>();
        if (facts.party().type != partyType) {
            return keys;
        }
        List<String> combinations = List.of(key);
        for (MatchField field : fields) {
            Set<String> values = field.blockingValues(facts, phones);
            if (values.isEmpty()) {
                return keys;
            }
            List<String> next = new ArrayList<>();
            for (String prefix : combinations) {
                for (String value : values) {
                    if (next.size() < MAX_KEYS_PER_RULE) {
                        next.add(prefix + "|" + value);
                    }
                }
            }
            combinations = next;
        }
        combinations.forEach(k -> keys.add(bounded(k)));
        return keys;
    }

    /** Whether some field lets the database find candidates by equality. */
    public static boolean blockable(List<MatchField> fields) {
        return fields.stream().anyMatch(f -> f.method() != MatchMethod.FUZZY);
    }

    private String bounded(String full) {
        if (full.length() <= MAX_KEY) {
            return full;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
            return key + "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
