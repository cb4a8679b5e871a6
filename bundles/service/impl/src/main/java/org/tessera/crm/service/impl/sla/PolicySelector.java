package org.tessera.crm.service.impl.sla;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tessera.crm.service.api.sla.SlaPolicyDTO;

/**
 * Picks the policy of a record: the first by position whose subject type is the record's and whose
 * criteria all equal the record's facts. A fact holding several values (a party's classifications,
 * comma separated) matches a criterion equal to any of them.
 */
public final class PolicySelector {
    private PolicySelector() {
    }

    public static Optional<SlaPolicyDTO> select(List<SlaPolicyDTO> byPosition, String subjectType, Map<String, String> facts) {
        return byPosition.stream().filter(p -> subjectType.equals(p.subjectType))
                .filter(p -> p.criteria.entrySet().stream().allMatch(c -> matches(facts.get(c.getKey()), c.getValue())))
                .findFirst();
    }

    static boolean matches(String fact, String expected) {
        if (fact == null) {
            return false;
        }
        if (Objects.equals(fact, expected)) {
            return true;
        }
        for (String part : fact.split(",")) {
            if (part.trim().equals(expected)) {
                return true;
            }
        }
        return false;
    }
}
