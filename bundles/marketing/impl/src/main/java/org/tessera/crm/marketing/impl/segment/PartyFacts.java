package org.tessera.crm.marketing.impl.segment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.tessera.crm.core.api.spi.PartyFactContributor;
import org.tessera.crm.core.api.spi.PartyFactDTO;
import org.tessera.crm.core.api.spi.PartyFactParameterDTO;
import org.tessera.crm.core.api.spi.SqlCondition;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;

/**
 * The facts the installed modules contribute, at one moment: a segment that names a fact of a
 * module that has left is refused (422 naming the fact) rather than silently matching nothing.
 * Parameters are checked against their declared types before the contributor sees them.
 */
public final class PartyFacts {
    private final Map<String, PartyFactContributor> byName = new LinkedHashMap<>();
    private final Map<String, PartyFactDTO> definitions = new LinkedHashMap<>();

    public PartyFacts(List<PartyFactContributor> contributors) {
        for (PartyFactContributor contributor : contributors) {
            for (PartyFactDTO fact : contributor.facts()) {
                byName.putIfAbsent(fact.name, contributor);
                definitions.putIfAbsent(fact.name, fact);
            }
        }
    }

    public Optional<PartyFactDTO> find(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    public List<PartyFactDTO> all() {
        return List.copyOf(definitions.values());
    }

    String names() {
        return definitions.isEmpty() ? "none (no installed module contributes facts)" : String.join(", ", new TreeSet<>(definitions.keySet()));
    }

    /** The contributed condition; empty after reporting faulty parameters (or for an unknown fact, reported by the caller). */
    Optional<SqlCondition> condition(String name, Map<?, ?> given, String partyIdColumn, String path, FieldErrors errors) {
        PartyFactDTO fact = definitions.get(name);
        if (fact == null) {
            return Optional.empty();
        }
        int before = errors.list().size();
        Map<String, Object> canonical = new LinkedHashMap<>();
        for (Object key : given.keySet()) {
            if (fact.parameters.stream().noneMatch(p -> p.name.equals(String.valueOf(key)))) {
                errors.invalid(path + ".params." + key, "unknown parameter of " + name);
            }
        }
        for (PartyFactParameterDTO parameter : fact.parameters) {
            Object raw = given.get(parameter.name);
            String at = path + ".params." + parameter.name;
            if (raw == null) {
                if (parameter.required) {
                    errors.required(at, null);
                }
                continue;
            }
            Object value = convert(parameter, raw);
            if (value == null) {
                errors.invalid(at, "must be a " + parameter.type);
            } else {
                canonical.put(parameter.name, value);
            }
        }
        if (errors.list().size() > before) {
            return Optional.empty();
        }
        return Optional.of(byName.get(name).condition(name, canonical, partyIdColumn));
    }

    private static Object convert(PartyFactParameterDTO parameter, Object raw) {
        return switch (parameter.type) {
            case NUMBER -> raw instanceof Number n && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0 ? n.longValue() : null;
            case DECIMAL -> CriteriaCompiler.decimal(raw);
            case DATE -> CriteriaCompiler.date(raw);
            case BOOLEAN -> raw instanceof Boolean b ? b : null;
            case REFERENCE -> raw instanceof String || raw instanceof Number ? Ids.parse(String.valueOf(raw)).map(String::valueOf).orElse(null) : null;
            default -> raw instanceof String s ? s : null;
        };
    }
}
