package org.tessera.crm.insurance.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.insurance.api.ClaimStatus;
import org.tessera.crm.insurance.api.PolicyStatus;

class StateMachinesTest {
    @Test
    void aPolicyGoesFromQuoteToInForceAndOnlyLapsedOrCancelledTermsAreReinstated() {
        assertTrue(PolicyTransitions.allowed(PolicyStatus.QUOTE, PolicyStatus.IN_FORCE));
        assertTrue(PolicyTransitions.allowed(PolicyStatus.IN_FORCE, PolicyStatus.CANCELLED));
        assertTrue(PolicyTransitions.allowed(PolicyStatus.CANCELLED, PolicyStatus.REINSTATED));
        assertTrue(PolicyTransitions.allowed(PolicyStatus.LAPSED, PolicyStatus.REINSTATED));
        assertFalse(PolicyTransitions.allowed(PolicyStatus.QUOTE, PolicyStatus.REINSTATED));
        assertFalse(PolicyTransitions.allowed(PolicyStatus.IN_FORCE, PolicyStatus.QUOTE));
        for (PolicyStatus to : PolicyStatus.values()) {
            assertFalse(PolicyTransitions.allowed(PolicyStatus.RENEWED, to), "renewed is final");
            assertFalse(PolicyTransitions.allowed(PolicyStatus.EXPIRED, to), "expired is final");
        }
        ValidationException refused = assertThrows(ValidationException.class, () -> PolicyTransitions.check(PolicyStatus.EXPIRED, PolicyStatus.IN_FORCE));
        assertEquals("status", refused.errors().get(0).field);
        assertEquals("invalid_transition", refused.errors().get(0).code);
    }

    @Test
    void aClaimIsAssessedBeforeItIsApprovedAndAClosedClaimCanBeReopened() {
        assertFalse(ClaimTransitions.allowed(ClaimStatus.REPORTED, ClaimStatus.APPROVED));
        assertTrue(ClaimTransitions.allowed(ClaimStatus.UNDER_ASSESSMENT, ClaimStatus.APPROVED));
        assertTrue(ClaimTransitions.allowed(ClaimStatus.UNDER_ASSESSMENT, ClaimStatus.DENIED));
        assertTrue(ClaimTransitions.allowed(ClaimStatus.PAID, ClaimStatus.CLOSED));
        assertTrue(ClaimTransitions.allowed(ClaimStatus.CLOSED, ClaimStatus.REOPENED));
        assertTrue(ClaimTransitions.allowed(ClaimStatus.REOPENED, ClaimStatus.UNDER_ASSESSMENT));
        assertFalse(ClaimTransitions.allowed(ClaimStatus.DENIED, ClaimStatus.PAID));
        assertThrows(ValidationException.class, () -> ClaimTransitions.check(ClaimStatus.REPORTED, null));
    }
}
