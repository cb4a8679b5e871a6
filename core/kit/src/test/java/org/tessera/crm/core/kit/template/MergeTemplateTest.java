package org.tessera.crm.core.kit.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;

class MergeTemplateTest {

    @Test
    void rendersNestedFieldsAndKeepsLiteralHtml() {
        MergeTemplate template = MergeTemplate.parse("body", "<p>Bonjour {{party.firstName}} {{ party.lastName }},</p>");
        String html = template.render(Map.of("party", Map.of("firstName", "Renée", "lastName", "O'Connor <b>")), Escaping.HTML);
        assertEquals("<p>Bonjour Renée O&#39;Connor &lt;b&gt;,</p>", html);
    }

    @Test
    void noEscapingForPlainTextAndRawFieldsInHtml() {
        MergeTemplate subject = MergeTemplate.parse("subject", "Offre pour {{party.lastName}}");
        assertEquals("Offre pour O'Connor & fils", subject.render(Map.of("party", Map.of("lastName", "O'Connor & fils")), Escaping.NONE));
        MergeTemplate body = MergeTemplate.parse("body", "<a href=\"{{{link}}}\">{{label}}</a>");
        assertEquals("<a href=\"https://x.test/u?a=1&b=2\">a &amp; b</a>",
                body.render(Map.of("link", "https://x.test/u?a=1&b=2", "label", "a & b"), Escaping.HTML));
    }

    @Test
    void fallbackWhenMissingOrBlank() {
        MergeTemplate template = MergeTemplate.parse("body", "Cher {{party.firstName|client}}, {{party.city}}.");
        assertEquals("Cher client, .", template.render(Map.of("party", Map.of()), Escaping.HTML));
        assertEquals("Cher client, .", template.render(Map.of("party", Map.of("firstName", "  ")), Escaping.HTML));
        assertEquals("Cher Léa, Lyon.", template.render(Map.of("party", Map.of("firstName", "Léa", "city", "Lyon")), Escaping.HTML));
    }

    @Test
    void pathsInOrderOfFirstUse() {
        MergeTemplate template = MergeTemplate.parse("body", "{{offer.name}} {{party.firstName}} {{offer.name}}");
        assertEquals(List.of("offer.name", "party.firstName"), template.paths());
    }

    @Test
    void unclosedFieldIsRefusedWithLineAndColumn() {
        ValidationException e = assertThrows(ValidationException.class, () -> MergeTemplate.parse("body", "Hello\n  {{party.firstName"));
        assertEquals("body", e.errors().get(0).field);
        assertTrue(e.errors().get(0).message.contains("line 2, column 3"), e.errors().get(0).message);
    }

    @Test
    void fieldOpenedInsideAnotherIsRefused() {
        assertThrows(ValidationException.class, () -> MergeTemplate.parse("body", "{{party.{{x}}}}"));
    }

    @Test
    void emptyOrMalformedPathIsRefused() {
        assertEquals("body", assertThrows(ValidationException.class, () -> MergeTemplate.parse("body", "a {{ }} b")).errors().get(0).field);
        assertThrows(ValidationException.class, () -> MergeTemplate.parse("body", "{{party..x}}"));
        assertThrows(ValidationException.class, () -> MergeTemplate.parse("body", "{{party first}}"));
        assertThrows(ValidationException.class, () -> MergeTemplate.parse("subject", null));
    }

    @Test
    void literalBracesThatOpenNoFieldStayText() {
        assertEquals("a { b } c }}", MergeTemplate.parse("body", "a { b } c }}").render(Map.of(), Escaping.HTML));
    }

    @Test
    void unknownRootsAndPathsAreNamed() {
        MergeTemplate template = MergeTemplate.parse("body", "{{party.firstName}} {{offre.name}} {{offer.nmae}}");
        ValidationException e = assertThrows(ValidationException.class,
                () -> template.requireKnown(Set.of("party", "offer"), Set.of("party.firstName", "offer.name")));
        assertEquals(2, e.errors().size());
        assertTrue(e.errors().get(0).message.contains("{{offre.name}}"));
        assertTrue(e.errors().get(1).message.contains("{{offer.nmae}}"));
        MergeTemplate ok = MergeTemplate.parse("body", "{{party.firstName}}");
        assertSame(ok, ok.requireKnown(Set.of("party"), null));
    }

    @Test
    void partyFieldsUsePrimaryMechanisms() {
        PartyDTO party = new PartyDTO();
        party.type = PartyType.PERSON;
        party.firstName = "Jean-François";
        party.lastName = "Bérard";
        party.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "first@example.org", false));
        party.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "primary@example.org", true));
        ContactMechanismDTO postal = mechanism(ContactMechanismType.POSTAL, null, false);
        postal.city = "Lyon";
        party.contactMechanisms.add(postal);
        party.customFields.put("segment", "GOLD");
        MergeTemplate template = MergeTemplate.parse("body", "{{party.firstName}} {{party.email}} {{party.city}} {{party.customFields.segment}} {{party.phone|-}}");
        assertEquals("Jean-François primary@example.org Lyon GOLD -", template.render(Map.of("party", PartyMergeFields.of(party)), Escaping.HTML));
        assertTrue(PartyMergeFields.isPartyPath("party.customFields.segment"));
        assertTrue(!PartyMergeFields.isPartyPath("party.customFields."));
    }

    private static ContactMechanismDTO mechanism(ContactMechanismType type, String value, boolean primary) {
        ContactMechanismDTO mechanism = new ContactMechanismDTO();
        mechanism.type = type;
        mechanism.value = value;
        mechanism.primary = primary;
        return mechanism;
    }
}
