package org.tessera.crm.core.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;

class DemoDataSetTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void sameSeedGivesTheSameData() {
        List<PartyDTO> first = new DemoDataSet(7, NOW).persons(50, List.of("1"), List.of("2"));
        List<PartyDTO> second = new DemoDataSet(7, NOW).persons(50, List.of("1"), List.of("2"));
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).lastName, second.get(i).lastName);
            assertEquals(first.get(i).contactMechanisms.get(0).value, second.get(i).contactMechanisms.get(0).value);
        }
    }

    @Test
    void personsHaveAccentsApostrophesAndUniqueAsciiEmails() {
        List<PartyDTO> persons = new DemoDataSet(42, NOW).persons(240, List.of("1"), List.of("2"));
        assertTrue(persons.stream().anyMatch(p -> p.lastName.contains("'")), "an apostrophe name");
        assertTrue(persons.stream().anyMatch(p -> p.lastName.equals("Bérard")), "an accented name");
        Set<String> emails = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        for (PartyDTO person : persons) {
            String email = person.contactMechanisms.stream().filter(m -> m.type == ContactMechanismType.EMAIL)
                    .findFirst().orElseThrow().value;
            assertTrue(email.matches("[a-z0-9.]+@example\\.com"), email);
            assertTrue(emails.add(email), "duplicate email " + email);
            assertTrue(externalIds.add(person.externalIds.get(DemoDataSet.EXTERNAL_SOURCE)));
        }
    }

    @Test
    void everyPartyGetsOnePlannedFollowUpAndPastActivitiesAreDone() {
        List<ActivityDTO> activities = new DemoDataSet(42, NOW).activitiesFor("10", "2");
        ActivityDTO last = activities.get(activities.size() - 1);
        assertEquals(ActivityStatus.PLANNED, last.status);
        assertTrue(last.dueAt.isAfter(NOW));
        for (ActivityDTO activity : activities.subList(0, activities.size() - 1)) {
            assertEquals(ActivityStatus.DONE, activity.status);
            assertFalse(activity.startAt.isAfter(NOW));
        }
    }

    @Test
    void asciiFoldsAccentsAndDropsApostrophes() {
        assertEquals("jean-francois", DemoDataSet.ascii("Jean-François"));
        assertEquals("obrien", DemoDataSet.ascii("O'Brien"));
        assertEquals("oberg", DemoDataSet.ascii("Øberg"));
    }
}
