package org.tessera.crm.insurance.impl.rules;

import static org.tessera.crm.insurance.api.PolicyStatus.CANCELLED;
import static org.tessera.crm.insurance.api.PolicyStatus.EXPIRED;
import static org.tessera.crm.insurance.api.PolicyStatus.IN_FORCE;
import static org.tessera.crm.insurance.api.PolicyStatus.LAPSED;
import static org.tessera.crm.insurance.api.PolicyStatus.QUOTE;
import static org.tessera.crm.insurance.api.PolicyStatus.REINSTATED;
import static org.tessera.crm.insurance.api.PolicyStatus.RENEWED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.insurance.api.PolicyStatus;

/** The moves a policy term's status may make. RENEWED and EXPIRED are final. */
public final class PolicyTransitions {
    private static final Map<PolicyStatus, Set<PolicyStatus>> NEXT = Map.of(
            QUOTE, EnumSet.of(IN_FORCE, CANCELLED),
            IN_FORCE, EnumSet.of(LAPSED, CANCELLED, RENEWED, EXPIRED),
            LAPSED, EnumSet.of(REINSTATED, EXPIRED),
            CANCELLED, EnumSet.of(REINSTATED),
            REINSTATED, EnumSet.of(LAPSED, CANCELLED, RENEWED, EXPIRED),
            RENEWED, EnumSet.noneOf(PolicyStatus.class),
            EXPIRED, EnumSet.noneOf(PolicyStatus.class));

    private PolicyTransitions() {
    }

    public static boolean allowed(PolicyStatus from, PolicyStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** @throws ValidationException on {@code status} when the move is not allowed */
    public static void check(PolicyStatus from, PolicyStatus to) {
        if (to == null) {
            throw new ValidationException(FieldError.required("status"));
        }
        if (!allowed(from, to)) {
            throw new ValidationException(new FieldError("status", "invalid_transition",
                    "a " + from + " term cannot become " + to + " (allowed: " + NEXT.get(from) + ")"));
        }
    }
}
