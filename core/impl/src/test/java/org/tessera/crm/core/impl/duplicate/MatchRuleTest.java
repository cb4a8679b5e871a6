package org.tessera.crm.core.impl.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.duplicate.DuplicateAction;
import org.tessera.crm.core.api.duplicate.DuplicateRuleDTO;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;

class MatchRuleTest {
    private final PhoneNumbers phones = new PhoneNumbers("33");

    private static MatchRule rule(String key, PartyType type, String fields) {
        DuplicateRuleDTO dto = new DuplicateRuleDTO();
        dto.key = key;
        dto.partyType = type;
        dto.action = DuplicateAction.WARN;
        dto.fields = RuleDefinitions.decode(fields);
        return RuleDefinitions.compile(dto);
    }

    static PartyDTO person(String first, String last) {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.firstName = first;
        p.lastName = last;
        return p;
    }

    static PartyDTO with(PartyDTO p, ContactMechanismType type, String value) {
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.type = type;
        m.value = value;
        p.contactMechanisms.add(m);
        return p;
    }

    static PartyDTO at(PartyDTO p, String line1, String postalCode) {
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.type = ContactMechanismType.POSTAL;
        m.line1 = line1;
        m.postalCode = postalCode;
        m.city = "Paris";
        m.country = "FR";
        p.contactMechanisms.add(m);
        return p;
    }

    private static PartyFacts facts(PartyDTO p, String... employers) {
        return new PartyFacts(p, Set.of(employers));
    }

    @Test
    void sameEmailInAnotherCaseMatchesWithFullScore() {
        MatchRule email = rule("person-email", PartyType.PERSON, "email:NORMALIZED");
        PartyFacts a = facts(with(person("Jean", "Bérard"), ContactMechanismType.EMAIL, "JF.Berard@Example.com "));
        PartyFacts b = facts(with(person("J.", "Berard"), ContactMechanismType.EMAIL, "jf.berard@example.com"));
        assertEquals(1.0, email.score(a, b, phones).orElseThrow(), 1e-9);
        assertEquals(email.blockingKeys(a, phones), email.blockingKeys(b, phones));
    }

    @Test
    void anExactFieldComparesTheValuesAsWritten() {
        MatchRule exact = rule("exact-email", PartyType.PERSON, "email:EXACT");
        PartyFacts a = facts(with(person("Jean", "Bérard"), ContactMechanismType.EMAIL, "JF.Berard@example.com"));
        PartyFacts b = facts(with(person("Jean", "Bérard"), ContactMechanismType.EMAIL, "jf.berard@example.com"));
        assertTrue(exact.score(a, b, phones).isEmpty());
    }

    @Test
    void everyFieldMustMatch() {
        MatchRule phoneAndName = rule("phone-name", PartyType.PERSON, "phone:NORMALIZED,lastName:NORMALIZED");
        PartyFacts a = facts(with(person("Jean", "Bérard"), ContactMechanismType.PHONE, "06 12 34 56 78"));
        PartyFacts sameNameAndPhone = facts(with(person("Jeanne", "BERARD"), ContactMechanismType.PHONE, "+33 6 12 34 56 78"));
        PartyFacts otherName = facts(with(person("Jean", "Martin"), ContactMechanismType.PHONE, "+33612345678"));
        assertEquals(1.0, phoneAndName.score(a, sameNameAndPhone, phones).orElseThrow(), 1e-9);
        assertTrue(phoneAndName.score(a, otherName, phones).isEmpty());
    }

    @Test
    void aFuzzyFieldMatchesFromItsThresholdAndGivesTheRuleItsScore() {
        MatchRule nameAtAddress = rule("name-address", PartyType.PERSON, "postalAddress:NORMALIZED,name:FUZZY:0.92");
        PartyFacts a = facts(at(person("Jean", "Bérard"), "12 rue de la Paix", "75001"));
        PartyFacts typo = facts(at(person("Jean", "Berrard"), "12, Rue de la Paix", "75 001"));
        PartyFacts other = facts(at(person("Paul", "Martin"), "12 rue de la Paix", "75001"));
        double score = nameAtAddress.score(a, typo, phones).orElseThrow();
        assertTrue(score >= 0.92 && score < 1, "score " + score);
        assertTrue(nameAtAddress.score(a, other, phones).isEmpty());
        assertEquals(nameAtAddress.blockingKeys(a, phones), nameAtAddress.blockingKeys(typo, phones),
                "close names share the first characters the database blocks on");
    }

    @Test
    void theThresholdDecides() {
        PartyFacts a = facts(person("Anne", "Morel"), "42");
        PartyFacts b = facts(person("Anne", "Moreau"), "42");
        assertTrue(rule("strict", PartyType.PERSON, "employer:EXACT,name:FUZZY:0.99").score(a, b, phones).isEmpty());
        assertTrue(rule("loose", PartyType.PERSON, "employer:EXACT,name:FUZZY:0.80").score(a, b, phones).isPresent());
    }

    @Test
    void aRuleAppliesToItsPartyTypeOnly() {
        MatchRule email = rule("org-email", PartyType.ORGANIZATION, "email:NORMALIZED");
        PartyFacts a = facts(with(person("Jean", "Bérard"), ContactMechanismType.EMAIL, "x@example.com"));
        assertTrue(email.blockingKeys(a, phones).isEmpty());
        assertTrue(email.score(a, a, phones).isEmpty());
    }

    @Test
    void aPartyWithoutAFieldHasNoKeyForTheRule() {
        MatchRule phoneAndName = rule("phone-name", PartyType.PERSON, "phone:NORMALIZED,lastName:NORMALIZED");
        assertTrue(phoneAndName.blockingKeys(facts(person("Jean", "Bérard")), phones).isEmpty());
    }

    @Test
    void keysCombineTheValuesOfEachFieldAndStayBounded() {
        MatchRule employerEmail = rule("employer-email", PartyType.PERSON, "employer:EXACT,email:NORMALIZED");
        PartyDTO p = person("Jean", "Bérard");
        with(p, ContactMechanismType.EMAIL, "a@example.com");
        with(p, ContactMechanismType.EMAIL, "b@example.com");
        assertEquals(Set.of("employer-email|7|a@example.com", "employer-email|7|b@example.com", "employer-email|9|a@example.com",
                "employer-email|9|b@example.com"), employerEmail.blockingKeys(facts(p, "7", "9"), phones));
        PartyDTO many = person("Jean", "Bérard");
        for (int i = 0; i < 40; i++) {
            with(many, ContactMechanismType.EMAIL, "m" + i + "@example.com");
        }
        assertEquals(MatchRule.MAX_KEYS_PER_RULE, employerEmail.blockingKeys(facts(many, "7", "9"), phones).size());
    }

    @Test
    void aLongKeyIsStoredAsADigest() {
        MatchRule email = rule("person-email", PartyType.PERSON, "email:NORMALIZED");
        String longAddress = "x".repeat(300) + "@example.com";
        Set<String> keys = email.blockingKeys(facts(with(person("A", "B"), ContactMechanismType.EMAIL, longAddress)), phones);
        String key = keys.iterator().next();
        assertTrue(key.startsWith("person-email#") && key.length() <= MatchRule.MAX_KEY, key);
    }

    @Test
    void customFieldsAreRuleFields() {
        MatchRule customer = rule("customer-number", PartyType.PERSON, "custom.customerNumber:NORMALIZED");
        PartyDTO a = person("A", "B");
        a.customFields.put("customerNumber", "C-001");
        PartyDTO b = person("C", "D");
        b.customFields.put("customerNumber", "c 001");
        assertTrue(customer.score(facts(a), facts(b), phones).isPresent());
        assertEquals(List.of("customer-number|c 001"), List.copyOf(customer.blockingKeys(facts(a), phones)));
    }
}
