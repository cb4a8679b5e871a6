package org.tessera.crm.core.impl.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.impl.testing.FakeLookups;
import org.tessera.crm.core.impl.validation.Candidate;

/** Every rule of an activity write, reached through the one step that the activity service and the import share. */
class ActivityCandidatesTest {
    /** Parties 10 and 11 exist; a restricted caller sees party 10 only. */
    private static final ActivityCandidates.Participants RESTRICTED = ids -> !ids.isEmpty() && Set.of("10").containsAll(ids);
    private static final ActivityCandidates.Participants UNRESTRICTED = ids -> true;

    private final FakeLookups lookups = new FakeLookups()
            .picklist("activity-type", "CALL").record("PARTY", 10, 11).record("AGENT", 1);
    private final Map<String, CustomFieldDefinitionDTO> definitions = new LinkedHashMap<>();

    private ActivityCandidates as(ActivityCandidates.Participants participants) {
        return new ActivityCandidates(lookups, definitions, participants);
    }

    private static ActivityDTO call(String... participants) {
        ActivityDTO a = new ActivityDTO();
        a.type = "CALL";
        a.subject = "Follow-up";
        a.participants.addAll(List.of(participants));
        return a;
    }

    private static List<String> fields(Candidate<ActivityDTO> candidate) {
        return candidate.errors().stream().map(e -> e.field).toList();
    }

    @Test
    void aCreateIsAWritableCopyWithServerOwnedFieldsIgnoredAndDefaults() {
        ActivityDTO draft = call("10");
        draft.id = "999";
        draft.dueAt = Instant.parse("2026-01-01T10:00:00.123456Z");
        ActivityDTO candidate = as(UNRESTRICTED).create(draft).orThrow();
        assertNotSame(draft, candidate);
        assertNull(candidate.id);
        assertEquals(ActivityStatus.PLANNED, candidate.status);
        assertEquals(Instant.parse("2026-01-01T10:00:00.123Z"), candidate.dueAt, "times are kept to the millisecond");
    }

    @Test
    void anUpdateOrAnImportedRowTakesTheStoredId() {
        ActivityDTO stored = call("10");
        stored.id = "70";
        stored.externalIds.put("legacy", "A-70");
        assertEquals("70", as(UNRESTRICTED).update(call("10"), stored).orThrow().id);
        ActivityDTO row = call("10");
        row.externalIds.put("legacy", "A-70");
        assertEquals("70", as(UNRESTRICTED).imported(row, stored).orThrow().id);
    }

    @Test
    void theCoreRulesAreChecked() {
        ActivityDTO a = call("10", "12");
        a.type = "DANCE";
        a.subject = null;
        a.assigneeId = "2";
        assertEquals(List.of("type", "subject", "assigneeId", "participants[1]"), fields(as(UNRESTRICTED).create(a)));
    }

    @Test
    void aRestrictedCallerNamesPartiesOfTheirPerimeterOnlyAndAtLeastOne() {
        assertTrue(as(RESTRICTED).create(call("10")).isValid());
        assertEquals(List.of("participants"), fields(as(RESTRICTED).create(call("10", "11"))));
        assertEquals(List.of("participants"), fields(as(RESTRICTED).create(call())));
        assertEquals(ActivityCandidates.OUT_OF_SCOPE, as(RESTRICTED).create(call()).errors().get(0).message);
        assertTrue(as(UNRESTRICTED).create(call()).isValid());
    }

    @Test
    void thePerimeterErrorComesWithTheOtherErrorsBeforeAnyValidatorRuns() {
        // the service used to check the perimeter alone, after the registered validators had run
        definitions.put("size", definition("size", CustomFieldType.NUMBER));
        ActivityDTO a = call("11");
        a.subject = null;
        a.customFields.put("size", "big");
        assertEquals(List.of("subject", "participants", "customFields.size"), fields(as(RESTRICTED).create(a)));
    }

    @Test
    void anImportedRowNeedsAnExternalIdAndASingleWriteDoesNot() {
        assertEquals(List.of("externalIds"), fields(as(UNRESTRICTED).imported(call("10"), null)));
        assertTrue(as(UNRESTRICTED).create(call("10")).isValid());
        ActivityDTO blank = call("10");
        blank.externalIds.put("legacy", "");
        assertEquals(List.of("externalIds.legacy"), fields(as(UNRESTRICTED).imported(blank, null)));
    }

    @Test
    void customValuesAreNormalizedAndChecked() {
        definitions.put("size", definition("size", CustomFieldType.NUMBER));
        ActivityDTO a = call("10");
        a.customFields.put("size", "42");
        assertEquals(42L, as(UNRESTRICTED).create(a).orThrow().customFields.get("size"));
        a.customFields.put("colour", "red");
        assertEquals(List.of("customFields.colour"), fields(as(UNRESTRICTED).create(a)));
    }

    private static CustomFieldDefinitionDTO definition(String key, CustomFieldType type) {
        CustomFieldDefinitionDTO d = new CustomFieldDefinitionDTO();
        d.entityType = "ACTIVITY";
        d.key = key;
        d.type = type;
        return d;
    }
}
