package org.tessera.crm.core.impl.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;

class SurvivorshipTest {
    private static PartyDTO person(String id, String first, String last, String jobTitle) {
        PartyDTO p = new PartyDTO();
        p.id = id;
        p.type = PartyType.PERSON;
        p.firstName = first;
        p.lastName = last;
        p.jobTitle = jobTitle;
        return p;
    }

    @Test
    void survivorKeepsItsValuesWhenNothingIsChosen() {
        PartyDTO survivor = person("1", "Ann", "Smith", "CEO");
        Map<String, String> sources = Survivorship.apply(survivor, List.of(person("2", "Anne", "Smyth", "CFO")), Map.of());
        assertTrue(sources.isEmpty());
        assertEquals("Ann", survivor.firstName);
        assertEquals("CEO", survivor.jobTitle);
    }

    @Test
    void aChosenFieldTakesTheNamedPartysValueAndTheDisplayNameFollows() {
        PartyDTO survivor = person("1", "Ann", "Smith", "CEO");
        Map<String, String> sources = Survivorship.apply(survivor, List.of(person("2", "Anne", "Smyth", null),
                person("3", "Annie", "Smithe", "CTO")), Map.of("lastName", "3", "firstName", "2"));
        assertEquals(Map.of("lastName", "3", "firstName", "2"), sources);
        assertEquals("Anne Smithe", survivor.displayName);
        assertEquals("CEO", survivor.jobTitle);
    }

    @Test
    void anEmptySurvivorFieldIsFilledFromTheFirstVictimThatHasIt() {
        PartyDTO survivor = person("1", "Ann", "Smith", null);
        PartyDTO second = person("2", "Ann", "Smith", null);
        PartyDTO third = person("3", "Ann", "Smith", "CTO");
        third.birthDate = LocalDate.of(1980, 1, 2);
        Map<String, String> sources = Survivorship.apply(survivor, List.of(second, third), Map.of());
        assertEquals("CTO", survivor.jobTitle);
        assertEquals(LocalDate.of(1980, 1, 2), survivor.birthDate);
        assertEquals(Map.of("jobTitle", "3", "birthDate", "3"), sources);
    }

    @Test
    void choosingTheSurvivorKeepsItsEmptyValue() {
        PartyDTO survivor = person("1", "Ann", "Smith", null);
        Map<String, String> sources = Survivorship.apply(survivor, List.of(person("2", "Ann", "Smith", "CTO")), Map.of("jobTitle", "1"));
        assertNull(survivor.jobTitle);
        assertTrue(sources.isEmpty());
    }

    @Test
    void anUnknownFieldOrAPartyOutsideTheMergeIsRefusedNamingTheField() {
        PartyDTO survivor = person("1", "Ann", "Smith", null);
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> Survivorship.apply(survivor, List.of(person("2", "A", "B", null)), Map.of("contactMechanisms", "2")));
        assertEquals("fields.contactMechanisms", unknown.errors().get(0).field);
        ValidationException outside = assertThrows(ValidationException.class,
                () -> Survivorship.apply(survivor, List.of(person("2", "A", "B", null)), Map.of("lastName", "9")));
        assertEquals("fields.lastName", outside.errors().get(0).field);
    }

    @Test
    void aLoggedValueParsesBackToItsType() {
        PartyDTO party = person("1", "Ann", "Smith", null);
        Survivorship.FIELDS.get("birthDate").setText(party, "1980-01-02");
        assertEquals(LocalDate.of(1980, 1, 2), party.birthDate);
        assertEquals("1980-01-02", Survivorship.FIELDS.get("birthDate").text(party));
        Survivorship.FIELDS.get("jobTitle").setText(party, null);
        assertNull(party.jobTitle);
    }

    @Test
    void fieldSourcesRoundTripThroughTheLog() {
        assertEquals(Map.of("lastName", "3", "jobTitle", "2"), FieldSources.parse(FieldSources.format(Map.of("lastName", "3", "jobTitle", "2"))));
        assertNull(FieldSources.format(Map.of()));
        assertTrue(FieldSources.parse(null).isEmpty());
    }
}
