package org.tessera.crm.core.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.TesseraApi;

class JacksonJsonProviderTest {
    private static final Annotation[] NONE = new Annotation[0];
    private final JacksonJsonProvider provider = new JacksonJsonProvider();

    @Test
    void roundTripsAPartyWithIsoDatesAndNoNulls() throws IOException {
        PartyDTO party = new PartyDTO();
        party.id = "7";
        party.type = PartyType.PERSON;
        party.lastName = "Hopper";
        party.birthDate = LocalDate.of(1906, 12, 9);
        party.createdAt = Instant.parse("2024-01-31T09:30:00Z");
        party.customFields.put("score", new BigDecimal("12.50"));

        String json = write(party);
        assertTrue(json.contains("\"birthDate\":\"1906-12-09\""), json);
        assertTrue(json.contains("\"createdAt\":\"2024-01-31T09:30:00Z\""), json);
        assertFalse(json.contains("null"), "null members are left out: " + json);

        PartyDTO read = (PartyDTO) read(json, PartyDTO.class);
        assertEquals(party.birthDate, read.birthDate);
        assertEquals(party.createdAt, read.createdAt);
        assertEquals(PartyType.PERSON, read.type);
        assertEquals(new BigDecimal("12.50"), read.customFields.get("score"), "decimals keep their scale");
    }

    @Test
    void rejectsAnUnknownFieldNamingIt() {
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class,
                () -> read("{\"lastName\":\"Hopper\",\"nickname\":\"Amazing Grace\"}", PartyDTO.class));
        assertEquals("nickname", e.getPropertyName());
    }

    @Test
    void rejectsMalformedJson() {
        assertThrows(JsonParseException.class, () -> read("{\"lastName\":", PartyDTO.class));
    }

    @Test
    void handlesJsonMediaTypesOnly() {
        assertTrue(provider.isReadable(PartyDTO.class, PartyDTO.class, NONE, MediaType.APPLICATION_JSON_TYPE));
        assertTrue(provider.isReadable(PartyDTO.class, PartyDTO.class, NONE, MediaType.valueOf(TesseraApi.MERGE_PATCH_JSON)));
        assertTrue(provider.isWriteable(PartyDTO.class, PartyDTO.class, NONE, MediaType.valueOf(TesseraApi.PROBLEM_JSON)));
        assertFalse(provider.isReadable(PartyDTO.class, PartyDTO.class, NONE, MediaType.TEXT_PLAIN_TYPE));
        assertFalse(provider.isWriteable(String.class, String.class, NONE, MediaType.APPLICATION_JSON_TYPE),
                "strings are left to the runtime's own provider");
    }

    private String write(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.writeTo(value, value.getClass(), value.getClass(), NONE, MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void aNullBodyIsA400ProblemNamingTheBodyNotANullArgument() {
        ProblemException refused = assertThrows(ProblemException.class, () -> read("null", PartyDTO.class));
        assertEquals(400, refused.getResponse().getStatus());
        Problem problem = (Problem) refused.getResponse().getEntity();
        assertEquals("body", problem.errors.get(0).field);
        assertTrue(problem.detail.contains("object"), problem.detail);
    }

    private Object read(String json, Class<?> type) throws IOException {
        Object value = provider.readFrom((Class) type, type, NONE, MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(),
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return assertInstanceOf(type, value);
    }
}
