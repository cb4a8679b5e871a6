package org.tessera.crm.insurance.impl.rules;

import static org.tessera.crm.insurance.api.ClaimStatus.APPROVED;
import static org.tessera.crm.insurance.api.ClaimStatus.CLOSED;
import static org.tessera.crm.insurance.api.ClaimStatus.DENIED;
import static org.tessera.crm.insurance.api.ClaimStatus.PAID;
import static org.tessera.crm.insurance.api.ClaimStatus.REOPENED;
import static org.tessera.crm.insurance.api.ClaimStatus.REPORTED;
import static org.tessera.crm.insurance.api.ClaimStatus.UNDER_ASSESSMENT;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.insurance.api.ClaimStatus;

/** The moves a claim's status may make; a payment moves an approved claim to PAID by itself. */
public final class ClaimTransitions {
    private static final Map<ClaimStatus, Set<ClaimStatus>> NEXT = Map.of(
            REPORTED, EnumSet.of(UNDER_ASSESSMENT, DENIED),
            UNDER_ASSESSMENT, EnumSet.of(APPROVED, DENIED),
            APPROVED, EnumSet.of(PAID, CLOSED),
            DENIED, EnumSet.of(CLOSED),
            PAID, EnumSet.of(CLOSED),
            CLOSED, EnumSet.of(REOPENED),
            REOPENED, EnumSet.of(UNDER_ASSESSMENT));

    private ClaimTransitions() {
    }

    public static boolean allowed(ClaimStatus from, ClaimStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static void check(ClaimStatus from, ClaimStatus to) {
        if (to == null) {
            throw new ValidationException(FieldError.required("status"));
        }
        if (!allowed(from, to)) {
            throw new ValidationException(new FieldError("status", "invalid_transition",
                    "a " + from + " claim cannot become " + to + " (allowed: " + NEXT.get(from) + ")"));
        }
    }
}
