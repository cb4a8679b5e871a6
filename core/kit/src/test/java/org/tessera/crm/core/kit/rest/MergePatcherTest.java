package org.tessera.crm.core.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;

class MergePatcherTest {
    private final ObjectMapper mapper = ObjectMappers.create();
    private final MergePatcher patcher = new MergePatcher(mapper);

    @Test
    void patchesTheJsonFormOfADto() throws Exception {
        PartyDTO current = person();
        PartyDTO patched = patcher.apply(current, json("{'jobTitle':null,'birthDate':'1981-02-03','customFields':{'segment':'GOLD'}}"),
                PartyDTO.class);
        assertNull(patched.jobTitle);
        assertEquals(LocalDate.of(1981, 2, 3), patched.birthDate);
        assertEquals("Ada", patched.firstName);
        assertEquals("GOLD", patched.customFields.get("segment"));
        assertEquals("ada@example.org", patched.contactMechanisms.get(0).value);
        assertEquals("Engineer", current.jobTitle, "the current DTO is left untouched");
    }

    @Test
    void rejectsAPatchThatIsNotAnObject() {
        ProblemException e = assertThrows(ProblemException.class, () -> patcher.apply(person(), json("['x']"), PartyDTO.class));
        assertEquals(400, e.getResponse().getStatus());
    }

    @Test
    void namesTheJsonPathOfAnInvalidValue() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> patcher.apply(person(), json("{'contactMechanisms':[{'type':'PIGEON'}]}"), PartyDTO.class));
        assertEquals(List.of("contactMechanisms[0].type"), fields(e));
    }

    @Test
    void rejectsAnUnknownField() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> patcher.apply(person(), json("{'nickname':'Ada'}"), PartyDTO.class));
        assertEquals(List.of("nickname"), fields(e));
    }

    private static List<String> fields(ProblemException e) {
        Problem problem = (Problem) e.getResponse().getEntity();
        return problem.errors.stream().map((FieldError error) -> error.field).toList();
    }

    private static PartyDTO person() {
        PartyDTO party = new PartyDTO();
        party.id = "42";
        party.type = PartyType.PERSON;
        party.firstName = "Ada";
        party.lastName = "Lovelace";
        party.jobTitle = "Engineer";
        party.version = 3;
        ContactMechanismDTO email = new ContactMechanismDTO();
        email.type = ContactMechanismType.EMAIL;
        email.value = "ada@example.org";
        party.contactMechanisms.add(email);
        return party;
    }

    private JsonNode json(String singleQuoted) throws Exception {
        return mapper.readTree(singleQuoted.replace('\'', '"'));
    }
}
