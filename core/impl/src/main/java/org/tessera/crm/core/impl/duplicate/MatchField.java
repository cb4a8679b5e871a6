package org.tessera.crm.core.impl.duplicate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.tessera.crm.core.api.duplicate.MatchMethod;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;

/**
 * One field of a compiled rule: the values it reads from a party, in the form its method compares
 * ({@link #values}), and the coarser form the database blocks candidates on ({@link #blockingValues}).
 */
public final class MatchField {
    /** Prefix of a custom field's name in a rule. */
    public static final String CUSTOM = "custom.";
    /** The field names a rule may use, besides {@code custom.<key>}. */
    public static final List<String> NAMES = List.of("name", "firstName", "lastName", "legalName", "registrationNumber",
            "birthDate", "email", "phone", "postalAddress", "postalCode", "employer");
    /** Characters of a fuzzy value the database blocks on: names that close share their beginning. */
    static final int FUZZY_BLOCK_CHARS = 2;

    private final String name;
    private final MatchMethod method;
    private final double threshold;

    public MatchField(String name, MatchMethod method, double threshold) {
        this.name = name;
        this.method = method;
        this.threshold = threshold;
    }

    public String name() {
        return name;
    }

    public MatchMethod method() {
        return method;
    }

    public double threshold() {
        return threshold;
    }

    /** Whether {@code name} is a field a rule may use (a custom field still has to be defined). */
    public static boolean known(String name) {
        return NAMES.contains(name) || (name != null && name.startsWith(CUSTOM) && name.length() > CUSTOM.length());
    }

    /** The party's values of this field, in the form the method compares; empty when it has none. */
    public Set<String> values(PartyFacts facts, PhoneNumbers phones) {
        Set<String> result = new LinkedHashSet<>();
        for (String raw : rawValues(facts)) {
            String value = method == MatchMethod.EXACT ? MatchText.trimmed(raw) : normalized(raw, phones);
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }

    /** The values the database looks candidates up by: the compared value, or for a fuzzy field its first characters. */
    public Set<String> blockingValues(PartyFacts facts, PhoneNumbers phones) {
        Set<String> values = values(facts, phones);
        if (method != MatchMethod.FUZZY) {
            return values;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            String compact = value.replace(" ", "");
            result.add(compact.substring(0, Math.min(FUZZY_BLOCK_CHARS, compact.length())));
        }
        return result;
    }

    /** How closely two parties match on this field (0 when either has no value), best pair of values. */
    public double score(Set<String> left, Set<String> right) {
        double best = 0;
        for (String a : left) {
            for (String b : right) {
                double score = switch (method) {
                    case EXACT, NORMALIZED -> a.equals(b) ? 1 : 0;
                    case FUZZY -> Math.max(Similarity.jaroWinkler(a, b), Similarity.trigram(a, b));
                };
                best = Math.max(best, score);
            }
        }
        return best;
    }

    /** Whether the score meets the field's method: equality, or the threshold of a fuzzy field. */
    public boolean matches(double score) {
        return method == MatchMethod.FUZZY ? score >= threshold : score >= 1;
    }

    private String normalized(String raw, PhoneNumbers phones) {
        return switch (name) {
            case "email" -> MatchText.email(raw);
            case "phone" -> phones.toE164(raw);
            case "postalCode", "registrationNumber" -> MatchText.compact(raw);
            case "employer", "birthDate" -> MatchText.trimmed(raw);
            default -> MatchText.fold(raw);
        };
    }

    private List<String> rawValues(PartyFacts facts) {
        PartyDTO p = facts.party();
        return switch (name) {
            case "name" -> single(nameOf(p));
            case "firstName" -> single(p.firstName);
            case "lastName" -> single(p.lastName);
            case "legalName" -> single(p.legalName);
            case "registrationNumber" -> single(p.registrationNumber);
            case "birthDate" -> single(p.birthDate == null ? null : p.birthDate.toString());
            case "email" -> mechanisms(p, ContactMechanismType.EMAIL, m -> m.value);
            case "phone" -> mechanisms(p, ContactMechanismType.PHONE, m -> m.value);
            case "postalAddress" -> mechanisms(p, ContactMechanismType.POSTAL, MatchField::address);
            case "postalCode" -> mechanisms(p, ContactMechanismType.POSTAL, m -> m.postalCode);
            case "employer" -> new ArrayList<>(facts.employers());
            default -> custom(p.customFields.get(name.substring(CUSTOM.length())));
        };
    }

    /** The name a party is known by: a person's first and last names, an organization's legal name, a household's name. */
    static String nameOf(PartyDTO p) {
        if (p.type == null) {
            return null;
        }
        return switch (p.type) {
            case PERSON -> String.join(" ", p.firstName == null ? "" : p.firstName, p.lastName == null ? "" : p.lastName);
            case ORGANIZATION -> p.legalName;
            default -> p.name;
        };
    }

    /** Street line, postal code and country: what makes two addresses the same place (the city is implied). */
    private static String address(ContactMechanismDTO m) {
        if (m.line1 == null || m.line1.isBlank() || m.postalCode == null || m.postalCode.isBlank()) {
            return null;
        }
        String postalCode = MatchText.compact(m.postalCode);
        return m.line1 + " | " + (postalCode == null ? "" : postalCode) + " | " + (m.country == null ? "" : m.country);
    }

    private static List<String> mechanisms(PartyDTO p, ContactMechanismType type, Function<ContactMechanismDTO, String> value) {
        List<String> result = new ArrayList<>();
        for (ContactMechanismDTO m : p.contactMechanisms) {
            if (m.type == type) {
                result.add(value.apply(m));
            }
        }
        return result;
    }

    private static List<String> single(String value) {
        List<String> result = new ArrayList<>(1);
        result.add(value);
        return result;
    }

    private static List<String> custom(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> result.add(v == null ? null : v.toString()));
        } else if (value != null) {
            result.add(value.toString());
        }
        return result;
    }
}
