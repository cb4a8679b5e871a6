package org.tessera.crm.core.impl.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.duplicate.DuplicateAction;
import org.tessera.crm.core.api.duplicate.DuplicateRuleDTO;
import org.tessera.crm.core.api.duplicate.MatchFieldDTO;
import org.tessera.crm.core.api.duplicate.MatchMethod;
import org.tessera.crm.core.api.party.PartyType;

class RuleDefinitionsTest {

    private static DuplicateRuleDTO rule(MatchFieldDTO... fields) {
        DuplicateRuleDTO rule = new DuplicateRuleDTO();
        rule.partyType = PartyType.PERSON;
        rule.action = DuplicateAction.BLOCK;
        rule.fields = List.of(fields);
        return rule;
    }

    private static List<String> fieldsIn(List<FieldError> errors) {
        return errors.stream().map(e -> e.field).toList();
    }

    @Test
    void aValidRuleHasNoError() {
        assertEquals(List.of(), RuleDefinitions.errors("vip-email", rule(new MatchFieldDTO("email", MatchMethod.NORMALIZED, null),
                new MatchFieldDTO("name", MatchMethod.FUZZY, 0.9), new MatchFieldDTO("custom.segment", MatchMethod.EXACT, null)), Set.of("segment")));
    }

    @Test
    void namesEachBadField() {
        List<FieldError> errors = RuleDefinitions.errors("Bad Key", rule(new MatchFieldDTO("shoeSize", MatchMethod.EXACT, null),
                new MatchFieldDTO("name", MatchMethod.FUZZY, 1.5), new MatchFieldDTO("email", null, null),
                new MatchFieldDTO("custom.unknown", MatchMethod.EXACT, null), new MatchFieldDTO("phone", MatchMethod.FUZZY, null)), Set.of());
        assertEquals(List.of("key", "fields[0].field", "fields[1].threshold", "fields[2].method", "fields[3].field", "fields[4].threshold"),
                fieldsIn(errors));
    }

    @Test
    void requiresTypeActionAndFields() {
        DuplicateRuleDTO empty = new DuplicateRuleDTO();
        assertEquals(List.of("partyType", "action", "fields"), fieldsIn(RuleDefinitions.errors("k", empty, Set.of())));
    }

    @Test
    void refusesARuleTheDatabaseCannotFindCandidatesFor() {
        List<FieldError> errors = RuleDefinitions.errors("fuzzy-only", rule(new MatchFieldDTO("name", MatchMethod.FUZZY, 0.9)), Set.of());
        assertEquals(List.of("fields"), fieldsIn(errors));
        assertTrue(errors.get(0).message.contains("EXACT or NORMALIZED"));
    }

    @Test
    void theStoredFormReadsBackTheSame() {
        List<MatchFieldDTO> fields = List.of(new MatchFieldDTO("email", MatchMethod.NORMALIZED, null), new MatchFieldDTO("name", MatchMethod.FUZZY, 0.92));
        String text = RuleDefinitions.encode(fields);
        assertEquals("email:NORMALIZED,name:FUZZY:0.92", text);
        List<MatchFieldDTO> read = RuleDefinitions.decode(text);
        assertEquals("name", read.get(1).field);
        assertEquals(MatchMethod.FUZZY, read.get(1).method);
        assertEquals(0.92, read.get(1).threshold, 1e-9);
    }
}
