package org.tessera.crm.sales.impl.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.sales.api.LeadStatus;
import org.tessera.crm.sales.api.QuoteStatus;

class StateMachinesTest {

    @ParameterizedTest
    @CsvSource({"DRAFT,IN_REVIEW", "IN_REVIEW,APPROVED", "IN_REVIEW,REJECTED", "REJECTED,DRAFT",
            "APPROVED,PRESENTED", "PRESENTED,ACCEPTED", "PRESENTED,DENIED", "DRAFT,DRAFT"})
    void quoteTransitionsAllowed(QuoteStatus from, QuoteStatus to) {
        assertDoesNotThrow(() -> QuoteTransitions.check(from, to));
    }

    @ParameterizedTest
    @CsvSource({"DRAFT,APPROVED", "DRAFT,PRESENTED", "IN_REVIEW,PRESENTED", "APPROVED,ACCEPTED",
            "REJECTED,APPROVED", "ACCEPTED,DRAFT", "DENIED,PRESENTED", "PRESENTED,DRAFT"})
    void quoteTransitionsRefused(QuoteStatus from, QuoteStatus to) {
        ConflictException e = assertThrows(ConflictException.class, () -> QuoteTransitions.check(from, to));
        assertEquals("status", e.field());
    }

    @ParameterizedTest
    @CsvSource({"NEW,WORKING", "NEW,QUALIFIED", "WORKING,QUALIFIED", "WORKING,DISQUALIFIED", "QUALIFIED,WORKING",
            "DISQUALIFIED,WORKING", "NEW,NEW"})
    void leadUpdatesAllowed(LeadStatus from, LeadStatus to) {
        assertDoesNotThrow(() -> LeadTransitions.checkUpdate(from, to));
    }

    @ParameterizedTest
    @CsvSource({"QUALIFIED,CONVERTED", "WORKING,NEW", "DISQUALIFIED,QUALIFIED", "CONVERTED,CONVERTED", "CONVERTED,WORKING"})
    void leadUpdatesRefused(LeadStatus from, LeadStatus to) {
        assertThrows(ConflictException.class, () -> LeadTransitions.checkUpdate(from, to));
    }

    @Test
    void onlyQualifiedLeadsConvert() {
        assertDoesNotThrow(() -> LeadTransitions.checkConversion(LeadStatus.QUALIFIED));
        assertThrows(ConflictException.class, () -> LeadTransitions.checkConversion(LeadStatus.WORKING));
        assertTrue(LeadTransitions.allowed(LeadStatus.QUALIFIED, LeadStatus.CONVERTED));
        assertFalse(LeadTransitions.allowed(LeadStatus.NEW, LeadStatus.CONVERTED));
    }
}
