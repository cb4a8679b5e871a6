package org.tessera.crm.core.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportedActivityDTO;
import org.tessera.crm.core.api.party.PartyDTO;

class NdjsonRowsTest {

    private static List<ImportRow<PartyDTO>> read(String body) {
        InputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        List<ImportRow<PartyDTO>> rows = new ArrayList<>();
        new NdjsonRows<>(in, ObjectMappers.create(), PartyDTO.class).forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void eachLineIsARowNumberedAsInTheFileBlankLinesSkipped() {
        List<ImportRow<PartyDTO>> rows = read("{\"type\":\"PERSON\",\"lastName\":\"Bérard\"}\n\n"
                + "{\"type\":\"ORGANIZATION\",\"legalName\":\"O'Neill & Fils\"}\r\n");
        assertEquals(2, rows.size());
        assertEquals(1, rows.get(0).line);
        assertEquals("Bérard", rows.get(0).value.lastName);
        assertEquals(3, rows.get(1).line);
        assertEquals("O'Neill & Fils", rows.get(1).value.legalName);
        assertTrue(rows.get(1).errors.isEmpty());
    }

    @Test
    void aMalformedLineIsAnUnreadableRowAndReadingGoesOn() {
        List<ImportRow<PartyDTO>> rows = read("{\"type\":\"PERSON\",\n{\"type\":\"PERSON\",\"lastName\":\"Ok\"}");
        assertEquals(2, rows.size());
        assertNull(rows.get(0).value);
        assertEquals("malformed", rows.get(0).errors.get(0).code);
        assertTrue(rows.get(1).errors.isEmpty(), () -> rows.get(1).errors.toString());
        assertEquals("Ok", rows.get(1).value.lastName);
    }

    @Test
    void aNullOrScalarLineIsAnUnreadableRowNotARowWithoutValue() {
        List<ImportRow<PartyDTO>> rows = read("null\n42\n\"text\"\n[]\n");
        assertEquals(4, rows.size());
        for (ImportRow<PartyDTO> row : rows) {
            assertNull(row.value);
            assertTrue(!row.errors.isEmpty(), () -> "line " + row.line + " has an error");
        }
        assertEquals("malformed", rows.get(0).errors.get(0).code);
    }

    @Test
    void aWrongTypeOrUnknownFieldIsNamed() {
        List<ImportRow<PartyDTO>> rows = read("{\"type\":\"ROBOT\"}\n{\"lastName\":\"X\",\"nickname\":\"Y\"}\n"
                + "{\"birthDate\":\"yesterday\"}");
        assertEquals("type", rows.get(0).errors.get(0).field);
        assertEquals("nickname", rows.get(1).errors.get(0).field);
        assertEquals("unknown", rows.get(1).errors.get(0).code);
        assertEquals("birthDate", rows.get(2).errors.get(0).field);
    }

    @Test
    void theBodyIsReadLazily() {
        InputStream endless = new InputStream() {
            private final byte[] line = "{\"lastName\":\"Z\"}\n".getBytes(StandardCharsets.UTF_8);
            private long position;

            @Override
            public int read() {
                return line[(int) (position++ % line.length)];
            }
        };
        NdjsonRows<PartyDTO> rows = new NdjsonRows<>(endless, ObjectMappers.create(), PartyDTO.class);
        for (int i = 1; i <= 1000; i++) {
            assertEquals(i, rows.next().line);
        }
    }

    @Test
    void anActivityLineNamesPartiesByExternalIdAndABadStatusIsNamed() {
        InputStream in = new ByteArrayInputStream(("{\"type\":\"CALL\",\"subject\":\"Rappel\",\"status\":\"DONE\","
                + "\"externalIds\":{\"legacy\":\"A-1\"},\"participantExternalIds\":[{\"source\":\"legacy\",\"id\":\"C-123\"}]}\n"
                + "{\"type\":\"CALL\",\"status\":\"MAYBE\"}").getBytes(StandardCharsets.UTF_8));
        List<ImportRow<ImportedActivityDTO>> rows = new ArrayList<>();
        new NdjsonRows<>(in, ObjectMappers.create(), ImportedActivityDTO.class).forEachRemaining(rows::add);
        ImportedActivityDTO first = rows.get(0).value;
        assertEquals(ActivityStatus.DONE, first.status);
        assertEquals("A-1", first.externalIds.get("legacy"));
        assertEquals("C-123", first.participantExternalIds.get(0).id);
        assertEquals("status", rows.get(1).errors.get(0).field);
    }
}
