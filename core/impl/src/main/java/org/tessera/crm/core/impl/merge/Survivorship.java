package org.tessera.crm.core.impl.merge;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.search.PartySearchTerms;
import org.tessera.crm.core.kit.FieldErrors;

/**
 * Which party's value each scalar field of the survivor keeps. A field the request names takes the
 * value of the party named; any other field keeps the survivor's value, or, when the survivor has
 * none, the first victim's (in the request's order) that has one. Collections (contact mechanisms,
 * classifications, external ids, relationships, custom fields) are not chosen here: they are unioned.
 */
final class Survivorship {
    /** The fields a request may choose, by their name in {@link PartyDTO}. */
    static final Map<String, Field> FIELDS = fields();

    private Survivorship() {
    }

    /**
     * Applies the choices to {@code survivor}.
     *
     * @param parties the survivor and the victims by id
     * @return per field that changed, the id of the party its value came from
     * @throws org.tessera.crm.core.api.ValidationException naming {@code fields.<name>} for an unknown field or a party outside the merge
     */
    static Map<String, String> apply(PartyDTO survivor, List<PartyDTO> victims, Map<String, String> choices) {
        Map<String, PartyDTO> parties = new LinkedHashMap<>();
        parties.put(survivor.id, survivor);
        victims.forEach(v -> parties.put(v.id, v));
        FieldErrors errors = new FieldErrors();
        choices.forEach((field, source) -> {
            if (!FIELDS.containsKey(field)) {
                errors.invalid("fields." + field, "not a field a merge chooses; one of " + String.join(", ", FIELDS.keySet()));
            } else if (source == null || !parties.containsKey(source)) {
                errors.invalid("fields." + field, "must name the survivor or one of the victims");
            }
        });
        errors.throwIfAny();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Field> entry : FIELDS.entrySet()) {
            Field field = entry.getValue();
            Object current = field.get.apply(survivor);
            String source = choices.get(entry.getKey());
            if (source == null && current == null) {
                source = victims.stream().filter(v -> field.get.apply(v) != null).map(v -> v.id).findFirst().orElse(null);
            }
            if (source == null || source.equals(survivor.id)) {
                continue;
            }
            Object chosen = field.get.apply(parties.get(source));
            if (!Objects.equals(current, chosen)) {
                field.set.accept(survivor, chosen);
                sources.put(entry.getKey(), source);
            }
        }
        if (!sources.isEmpty()) {
            survivor.displayName = PartySearchTerms.displayName(survivor);
        }
        return sources;
    }

    /** Reads and writes one field of a party, and parses it back from the merge log. */
    record Field(Function<PartyDTO, Object> get, BiConsumer<PartyDTO, Object> set, Function<String, Object> parse) {
        /** The value as the merge log stores it. */
        String text(PartyDTO party) {
            Object value = get.apply(party);
            return value == null ? null : value.toString();
        }

        /** Sets the value the merge log stored. */
        void setText(PartyDTO party, String text) {
            set.accept(party, text == null ? null : parse.apply(text));
        }
    }

    private static Map<String, Field> fields() {
        Map<String, Field> fields = new LinkedHashMap<>();
        text(fields, "salutation", p -> p.salutation, (p, v) -> p.salutation = v);
        text(fields, "firstName", p -> p.firstName, (p, v) -> p.firstName = v);
        text(fields, "lastName", p -> p.lastName, (p, v) -> p.lastName = v);
        fields.put("birthDate", new Field(p -> p.birthDate, (p, v) -> p.birthDate = (LocalDate) v, LocalDate::parse));
        text(fields, "jobTitle", p -> p.jobTitle, (p, v) -> p.jobTitle = v);
        text(fields, "legalName", p -> p.legalName, (p, v) -> p.legalName = v);
        text(fields, "registrationNumber", p -> p.registrationNumber, (p, v) -> p.registrationNumber = v);
        text(fields, "industry", p -> p.industry, (p, v) -> p.industry = v);
        text(fields, "name", p -> p.name, (p, v) -> p.name = v);
        text(fields, "ownerId", p -> p.ownerId, (p, v) -> p.ownerId = v);
        text(fields, "orgUnitId", p -> p.orgUnitId, (p, v) -> p.orgUnitId = v);
        return Collections.unmodifiableMap(fields);
    }

    private static void text(Map<String, Field> fields, String name, Function<PartyDTO, String> get, BiConsumer<PartyDTO, String> set) {
        fields.put(name, new Field(get::apply, (p, v) -> set.accept(p, (String) v), v -> v));
    }
}
