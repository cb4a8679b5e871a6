package org.tessera.crm.core.impl.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.impl.testing.FakeLookups;

class PartyRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final FakeLookups lookups = new FakeLookups()
            .picklist("party-classification", "PROSPECT", "CUSTOMER")
            .picklist("contact-purpose", "WORK")
            .record("AGENT", 1).record("ORG_UNIT", 1);
    private final PartyRules rules = new PartyRules(lookups, TODAY);

    private List<String> errorFields(PartyDTO p) {
        return rules.check(p).list().stream().map(e -> e.field).toList();
    }

    private static PartyDTO person() {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.lastName = "Martin";
        return p;
    }

    private static ContactMechanismDTO mechanism(ContactMechanismType type, String value) {
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.type = type;
        m.value = value;
        return m;
    }

    @Test
    void aCompletePersonPasses() {
        PartyDTO p = person();
        p.classifications.add("PROSPECT");
        p.ownerId = "1";
        p.orgUnitId = "1";
        p.birthDate = TODAY;
        p.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "anne.martin@example.fr"));
        p.contactMechanisms.get(0).purpose = "WORK";
        assertEquals(List.of(), errorFields(p));
    }

    @Test
    void typeAndTypeSpecificNamesAreRequired() {
        assertEquals(List.of("type"), errorFields(new PartyDTO()));
        PartyDTO nameless = person();
        nameless.lastName = null;
        assertEquals(List.of("lastName"), errorFields(nameless));
        nameless.firstName = "Anne";
        assertEquals(List.of(), errorFields(nameless));
        PartyDTO org = new PartyDTO();
        org.type = PartyType.ORGANIZATION;
        assertEquals(List.of("legalName"), errorFields(org));
        PartyDTO household = new PartyDTO();
        household.type = PartyType.HOUSEHOLD;
        assertEquals(List.of("name"), errorFields(household));
    }

    @Test
    void lengthsDatesAndReferencesAreChecked() {
        PartyDTO p = person();
        p.lastName = "x".repeat(101);
        p.birthDate = TODAY.plusDays(1);
        p.classifications.add("CUSTOMER");
        p.classifications.add("ALIEN");
        p.ownerId = "2";
        p.orgUnitId = "abc";
        assertEquals(List.of("lastName", "birthDate", "classifications[1]", "ownerId", "orgUnitId"), errorFields(p));
    }

    @Test
    void contactMechanismsAreCheckedByType() {
        PartyDTO p = person();
        p.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "anne@"));
        p.contactMechanisms.add(mechanism(ContactMechanismType.PHONE, "12345"));
        p.contactMechanisms.add(mechanism(ContactMechanismType.PHONE, "+33 (0)1 23-45.67.89"));
        p.contactMechanisms.add(mechanism(ContactMechanismType.PHONE, "01 23 45 ab"));
        p.contactMechanisms.add(mechanism(ContactMechanismType.WEB, "ftp://example.com"));
        ContactMechanismDTO postal = mechanism(ContactMechanismType.POSTAL, null);
        postal.line1 = "1 rue de la Paix";
        postal.country = "XX";
        p.contactMechanisms.add(postal);
        assertEquals(List.of("contactMechanisms[0].value", "contactMechanisms[1].value", "contactMechanisms[3].value",
                "contactMechanisms[4].value", "contactMechanisms[5].city", "contactMechanisms[5].country"), errorFields(p));
    }

    @Test
    void onePrimaryPerTypeAndOrderedValidity() {
        PartyDTO p = person();
        ContactMechanismDTO first = mechanism(ContactMechanismType.EMAIL, "a@example.com");
        first.primary = true;
        ContactMechanismDTO second = mechanism(ContactMechanismType.EMAIL, "b@example.com");
        second.primary = true;
        ContactMechanismDTO phone = mechanism(ContactMechanismType.PHONE, "0123456789");
        phone.primary = true;
        phone.validFrom = TODAY;
        phone.validThru = TODAY.minusDays(1);
        phone.purpose = "PIGEON";
        p.contactMechanisms.addAll(List.of(first, second, phone));
        assertEquals(List.of("contactMechanisms[1].primary", "contactMechanisms[2].purpose",
                "contactMechanisms[2].validThru"), errorFields(p));
    }

    @Test
    void externalIdsNeedAValue() {
        PartyDTO p = person();
        p.externalIds.put("erp", " ");
        assertTrue(errorFields(p).contains("externalIds.erp"));
    }
}
