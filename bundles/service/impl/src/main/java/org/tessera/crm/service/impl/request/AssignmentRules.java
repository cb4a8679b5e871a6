package org.tessera.crm.service.impl.request;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tessera.crm.service.api.AssignmentRuleDTO;

/** The first assignment rule whose conditions all hold for a request's facts. */
public final class AssignmentRules {
    private AssignmentRules() {
    }

    public static Optional<AssignmentRuleDTO> firstMatch(List<AssignmentRuleDTO> rules, Map<String, String> facts) {
        return rules.stream().filter(rule -> rule.conditions.entrySet().stream()
                .allMatch(c -> Objects.equals(facts.get(c.getKey()), c.getValue()))).findFirst();
    }

    /** Round robin: the member after the one who got the last request, the first when none did or they left. */
    public static Long nextInTurn(List<Long> members, Long last) {
        if (members.isEmpty()) {
            return null;
        }
        int index = last == null ? -1 : members.indexOf(last);
        return members.get((index + 1) % members.size());
    }

    /** Least open: the member with the fewest open requests, the first listed on a tie. */
    public static Long leastBusy(List<Long> members, Map<Long, Long> openCounts) {
        Long best = null;
        long bestCount = Long.MAX_VALUE;
        for (Long member : members) {
            long count = openCounts.getOrDefault(member, 0L);
            if (count < bestCount) {
                best = member;
                bestCount = count;
            }
        }
        return best;
    }
}
