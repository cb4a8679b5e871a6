package org.tessera.crm.core.kit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.kit.rest.ObjectMappers;

class RecordWriterTest {
    private final ObjectMapper mapper = ObjectMappers.create();

    private static ExportColumnsTest.Sample named(String id, String name) {
        ExportColumnsTest.Sample s = new ExportColumnsTest.Sample();
        s.id = id;
        s.name = name;
        s.customFields.put("segment", "Ü,1");
        return s;
    }

    @Test
    void ndjsonIsOneObjectPerLineInTheApisJsonShape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter<ExportColumnsTest.Sample> writer = RecordWriter.ndjson(out, mapper);
        writer.write(named("1", "Zoë\nline"));
        writer.write(named("2", null));
        writer.flush();
        String text = out.toString(StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        assertEquals(3, lines.length, text);
        assertEquals("", lines[2], "the file ends with a line feed");
        JsonNode first = mapper.readTree(lines[0]);
        assertEquals("Zoë\nline", first.path("name").asText(), "a line break inside a value is escaped, not a new record");
        assertEquals("Ü,1", first.path("customFields").path("segment").asText());
        assertEquals(mapper.writeValueAsString(named("2", null)), lines[1], "the same JSON as the list writes, nulls left out");
        assertTrue(lines[1].indexOf("name") < 0);
    }

    @Test
    void csvHasAHeaderRowThenOneQuotedRowPerRecordInUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportColumns<ExportColumnsTest.Sample> columns = ExportColumns.of(mapper, ExportColumnsTest.Sample.class, List.of("segment"));
        RecordWriter<ExportColumnsTest.Sample> writer = RecordWriter.csv(out, columns);
        writer.write(named("1", "Dupont, Zoë"));
        writer.write(named("2", null));
        writer.flush();
        assertEquals("id,name,amount,createdAt,tags,custom.segment,version\r\n"
                + "1,\"Dupont, Zoë\",,,[],\"Ü,1\",0\r\n"
                + "2,,,,[],\"Ü,1\",0\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void csvWithoutRecordsIsTheHeaderAlone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.csv(out, ExportColumns.of(mapper, ExportColumnsTest.Sample.class, List.of())).flush();
        assertEquals("id,name,amount,createdAt,tags,version\r\n", out.toString(StandardCharsets.UTF_8));
    }
}
