package org.tessera.crm.core.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.party.PartyDTO;

class NdjsonRowsLimitsTest {

    @Test
    void aLineBeyondTheLimitIsARejectedRowNamingTheLimitAndTheLine() {
        String body = "{\"lastName\":\"A\"}\n{\"lastName\":\"" + "x".repeat(500) + "\"}\n{\"lastName\":\"C\"}\n";
        List<ImportRow<PartyDTO>> rows = new ArrayList<>();
        new NdjsonRows<>(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ObjectMappers.create(), PartyDTO.class, 100)
                .forEachRemaining(rows::add);
        assertEquals(3, rows.size());
        assertEquals("A", rows.get(0).value.lastName);
        assertEquals(2, rows.get(1).line);
        assertEquals("too_long", rows.get(1).errors.get(0).code);
        String message = rows.get(1).errors.get(0).message;
        assertTrue(message.contains("line 2") && message.contains("100 characters") && message.contains("maxImportLineChars"), message);
        assertEquals("C", rows.get(2).value.lastName);
    }

    @Test
    void aLineNestedTooDeepIsARejectedRowNamingTheLimit() {
        String body = "{\"lastName\":\"A\",\"customFields\":{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}}\n";
        List<ImportRow<PartyDTO>> rows = new ArrayList<>();
        new NdjsonRows<>(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ObjectMappers.create(), PartyDTO.class)
                .forEachRemaining(rows::add);
        assertEquals("limit_exceeded", rows.get(0).errors.get(0).code, rows.get(0).errors.toString());
    }
}
