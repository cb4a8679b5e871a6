package org.tessera.crm.insurance.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.insurance.api.ParticipantRole;
import org.tessera.crm.insurance.api.PolicyParticipantDTO;

class ParticipantRulesTest {
    private static final LocalDate START = LocalDate.of(2030, 1, 1);
    private static final LocalDate END = LocalDate.of(2031, 1, 1);

    @Test
    void oneHolderAndSharesOfOneHundredPass() {
        assertEquals(List.of(), ParticipantRules.check(List.of(holder("1", null, null), beneficiary("2", "60", null, null),
                beneficiary("3", "40", null, null)), START, END));
    }

    @Test
    void sharesMustSumToOneHundredAtEveryDate() {
        // from July on the second beneficiary leaves and nobody takes their 40 %
        List<FieldError> errors = ParticipantRules.check(List.of(holder("1", null, null), beneficiary("2", "60", null, null),
                beneficiary("3", "40", null, LocalDate.of(2030, 7, 1))), START, END);
        assertEquals("shares_not_100", errors.get(0).code);
        assertTrue(errors.get(0).message.contains("2030-07-01"), errors.get(0).message);
        // the same, with a successor from July: fine
        assertEquals(List.of(), ParticipantRules.check(List.of(holder("1", null, null), beneficiary("2", "60", null, null),
                beneficiary("3", "40", null, LocalDate.of(2030, 7, 1)), beneficiary("4", "40", LocalDate.of(2030, 7, 1), null)), START, END));
    }

    @Test
    void exactlyOnePolicyholderAtEveryDate() {
        assertEquals("one_policyholder", ParticipantRules.check(List.of(beneficiary("2", "100", null, null)), START, END).get(0).code);
        assertEquals("one_policyholder", ParticipantRules.check(List.of(holder("1", null, null), holder("2", null, null)), START, END).get(0).code);
        // a gap between two holders
        assertEquals("one_policyholder", ParticipantRules.check(List.of(holder("1", null, LocalDate.of(2030, 3, 1)),
                holder("2", LocalDate.of(2030, 4, 1), null)), START, END).get(0).code);
        // a handover
        assertEquals(List.of(), ParticipantRules.check(List.of(holder("1", null, LocalDate.of(2030, 3, 1)),
                holder("2", LocalDate.of(2030, 3, 1), null)), START, END));
    }

    @Test
    void eachParticipantIsWellFormed() {
        PolicyParticipantDTO noShare = beneficiary("2", null, null, null);
        PolicyParticipantDTO holderWithShare = holder("1", null, null);
        holderWithShare.sharePercent = BigDecimal.TEN;
        List<String> fields = ParticipantRules.check(List.of(holderWithShare, noShare), START, END).stream().map(e -> e.field).toList();
        assertEquals(List.of("participants[0].sharePercent", "participants[1].sharePercent"), fields);
    }

    private static PolicyParticipantDTO holder(String party, LocalDate from, LocalDate thru) {
        return participant(party, ParticipantRole.POLICYHOLDER, null, from, thru);
    }

    private static PolicyParticipantDTO beneficiary(String party, String share, LocalDate from, LocalDate thru) {
        return participant(party, ParticipantRole.BENEFICIARY, share, from, thru);
    }

    private static PolicyParticipantDTO participant(String party, ParticipantRole role, String share, LocalDate from, LocalDate thru) {
        PolicyParticipantDTO p = new PolicyParticipantDTO();
        p.partyId = party;
        p.role = role;
        p.sharePercent = share == null ? null : new BigDecimal(share);
        p.from = from;
        p.thru = thru;
        return p;
    }
}
