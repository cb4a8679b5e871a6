package org.tessera.crm.core.impl.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.impl.customfield.CustomValueCodec;

/**
 * A party seen as independent fields, each with a key and a comparable text value (see
 * {@link org.tessera.crm.core.api.sync.PartyFieldSync} for the keys). Two parties differ in a
 * field exactly when the texts of that key differ; an absent key is an empty field.
 */
public final class PartyFields {
    public static final String CUSTOM = "custom.";
    public static final String EXTERNAL_IDS = "externalIds";
    /** A contact mechanism key: its type, its purpose, and its rank among those of the same type and purpose. */
    static final Pattern MECHANISM = Pattern.compile("(email|phone|postal|web)\\[([A-Za-z0-9_-]*)\\](?:#([2-9]|[1-9][0-9]+))?");
    static final Pattern EXTERNAL_ID = Pattern.compile("externalIds\\[([^\\]]{1,100})\\]");

    private static final Map<String, Scalar> SCALARS = new LinkedHashMap<>();

    private record Scalar(Function<PartyDTO, Object> get, BiConsumer<PartyDTO, String> set) {
    }

    static {
        scalar("type", p -> p.type, (p, v) -> p.type = v == null ? null : PartyType.valueOf(v));
        scalar("salutation", p -> p.salutation, (p, v) -> p.salutation = v);
        scalar("firstName", p -> p.firstName, (p, v) -> p.firstName = v);
        scalar("lastName", p -> p.lastName, (p, v) -> p.lastName = v);
        scalar("birthDate", p -> p.birthDate, (p, v) -> p.birthDate = v == null ? null : java.time.LocalDate.parse(v));
        scalar("jobTitle", p -> p.jobTitle, (p, v) -> p.jobTitle = v);
        scalar("legalName", p -> p.legalName, (p, v) -> p.legalName = v);
        scalar("registrationNumber", p -> p.registrationNumber, (p, v) -> p.registrationNumber = v);
        scalar("industry", p -> p.industry, (p, v) -> p.industry = v);
        scalar("name", p -> p.name, (p, v) -> p.name = v);
        scalar("status", p -> p.status, (p, v) -> p.status = v == null ? null : PartyStatus.valueOf(v));
        scalar("ownerId", p -> p.ownerId, (p, v) -> p.ownerId = v);
        scalar("orgUnitId", p -> p.orgUnitId, (p, v) -> p.orgUnitId = v);
    }

    private static void scalar(String name, Function<PartyDTO, Object> get, BiConsumer<PartyDTO, String> set) {
        SCALARS.put(name, new Scalar(get, set));
    }

    private PartyFields() {
    }

    /** Every non-empty field of {@code party}, by key. */
    public static Map<String, String> values(PartyDTO party) {
        Map<String, String> values = new LinkedHashMap<>();
        SCALARS.forEach((name, scalar) -> {
            Object value = scalar.get().apply(party);
            if (value != null) {
                values.put(name, value.toString());
            }
        });
        if (!party.classifications.isEmpty()) {
            values.put("classifications", String.join(",", new TreeSet<>(party.classifications)));
        }
        party.externalIds.forEach((system, id) -> {
            if (id != null) {
                values.put(EXTERNAL_IDS + "[" + system + "]", id);
            }
        });
        mechanisms(party).forEach((key, mechanism) -> values.put(key, text(mechanism)));
        party.customFields.forEach((key, value) -> {
            if (value != null) {
                values.put(CUSTOM + key, CustomValueCodec.toText(value));
            }
        });
        return values;
    }

    /** The keys whose values differ between {@code before} and {@code after}. */
    public static List<String> changed(PartyDTO before, PartyDTO after) {
        Map<String, String> a = before == null ? Map.of() : values(before);
        Map<String, String> b = values(after);
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys.stream().filter(key -> !Objects.equals(a.get(key), b.get(key))).toList();
    }

    /** Whether {@code field} is a key of a party field (custom field keys are checked by the caller). */
    public static boolean isKey(String field) {
        return SCALARS.containsKey(field) || field.equals("classifications") || EXTERNAL_ID.matcher(field).matches()
                || MECHANISM.matcher(field).matches() || (field.startsWith(CUSTOM) && field.length() > CUSTOM.length());
    }

    /** Copies the field {@code field} of {@code from} into {@code to}, removing it from {@code to} when {@code from} has none. */
    public static void copy(String field, PartyDTO from, PartyDTO to) {
        Scalar scalar = SCALARS.get(field);
        if (scalar != null) {
            Object value = scalar.get().apply(from);
            scalar.set().accept(to, value == null ? null : value.toString());
        } else if (field.equals("classifications")) {
            to.classifications = new java.util.LinkedHashSet<>(from.classifications);
        } else if (field.startsWith(CUSTOM)) {
            String key = field.substring(CUSTOM.length());
            copyEntry(key, from.customFields, to.customFields);
        } else if (EXTERNAL_ID.matcher(field).matches()) {
            String system = field.substring(EXTERNAL_IDS.length() + 1, field.length() - 1);
            copyEntry(system, from.externalIds, to.externalIds);
        } else if (MECHANISM.matcher(field).matches()) {
            copyMechanism(field, from, to);
        } else {
            throw new IllegalArgumentException("not a party field: " + field);
        }
    }

    private static <V> void copyEntry(String key, Map<String, V> from, Map<String, V> to) {
        V value = from.get(key);
        if (value == null) {
            to.remove(key);
        } else {
            to.put(key, value);
        }
    }

    /** Replaces the mechanism of that key in place (keeping its id), appends it, or removes it. */
    private static void copyMechanism(String field, PartyDTO from, PartyDTO to) {
        ContactMechanismDTO source = mechanisms(from).get(field);
        ContactMechanismDTO target = mechanisms(to).get(field);
        List<ContactMechanismDTO> list = new ArrayList<>(to.contactMechanisms);
        if (target != null) {
            int index = list.indexOf(target);
            if (source == null) {
                list.remove(index);
            } else {
                ContactMechanismDTO copy = copyOf(source);
                copy.id = target.id;
                list.set(index, copy);
            }
        } else if (source != null) {
            ContactMechanismDTO copy = copyOf(source);
            copy.id = null;
            list.add(copy);
        }
        to.contactMechanisms = list;
    }

    /** The contact mechanisms of {@code party} by key, in their order. */
    static Map<String, ContactMechanismDTO> mechanisms(PartyDTO party) {
        Map<String, ContactMechanismDTO> keyed = new LinkedHashMap<>();
        Map<String, Integer> ranks = new HashMap<>();
        for (ContactMechanismDTO mechanism : party.contactMechanisms) {
            if (mechanism.type == null) {
                continue;
            }
            String base = mechanism.type.name().toLowerCase(Locale.ROOT) + "[" + (mechanism.purpose == null ? "" : mechanism.purpose) + "]";
            int rank = ranks.merge(base, 1, Integer::sum);
            keyed.put(rank == 1 ? base : base + "#" + rank, mechanism);
        }
        return keyed;
    }

    /** The group a field belongs to for the reference applications: {@code email}, {@code address}, {@code custom}… or none. */
    static String groupOf(String field) {
        Matcher mechanism = MECHANISM.matcher(field);
        if (mechanism.matches()) {
            String type = mechanism.group(1);
            return type.equals("postal") ? "address" : type;
        }
        if (field.startsWith(CUSTOM)) {
            return "custom";
        }
        if (EXTERNAL_ID.matcher(field).matches()) {
            return EXTERNAL_IDS;
        }
        return switch (field) {
            case "salutation", "firstName", "lastName", "legalName", "name" -> "name";
            default -> null;
        };
    }

    private static String text(ContactMechanismDTO m) {
        return String.join("|", String.valueOf(m.value), String.valueOf(m.line1), String.valueOf(m.line2),
                String.valueOf(m.postalCode), String.valueOf(m.city), String.valueOf(m.region), String.valueOf(m.country),
                String.valueOf(m.primary), String.valueOf(m.optOut), String.valueOf(m.validFrom), String.valueOf(m.validThru));
    }

    private static ContactMechanismDTO copyOf(ContactMechanismDTO m) {
        ContactMechanismDTO c = new ContactMechanismDTO();
        c.id = m.id;
        c.type = m.type;
        c.value = m.value;
        c.line1 = m.line1;
        c.line2 = m.line2;
        c.postalCode = m.postalCode;
        c.city = m.city;
        c.region = m.region;
        c.country = m.country;
        c.purpose = m.purpose;
        c.primary = m.primary;
        c.optOut = m.optOut;
        c.validFrom = m.validFrom;
        c.validThru = m.validThru;
        return c;
    }
}
