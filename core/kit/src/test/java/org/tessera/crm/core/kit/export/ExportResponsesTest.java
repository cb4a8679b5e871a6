package org.tessera.crm.core.kit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.kit.rest.ObjectMappers;

class ExportResponsesTest {

    /** Hands out {@code count} records, then fails if {@code failAfter} is reached first. */
    private static RecordExport<ExportColumnsTest.Sample> records(int count, int failAfter) {
        return new RecordExport<>() {
            @Override
            public List<String> customFieldKeys() {
                return List.of("segment");
            }

            @Override
            public long forEach(Sink<? super ExportColumnsTest.Sample> sink) throws IOException {
                for (int i = 1; i <= count; i++) {
                    if (i == failAfter) {
                        throw new IllegalStateException("database gone");
                    }
                    ExportColumnsTest.Sample s = new ExportColumnsTest.Sample();
                    s.id = String.valueOf(i);
                    sink.accept(s);
                }
                return count;
            }
        };
    }

    private static Response response(ExportFormat format, RecordExport<ExportColumnsTest.Sample> export) {
        return ExportResponses.stream(format, "samples", export, ObjectMappers.create(),
                keys -> ExportColumns.of(ObjectMappers.create(), ExportColumnsTest.Sample.class, keys), "tester");
    }

    @Test
    void theBodyIsWrittenWhenTheRuntimeAsksForItAsAnAttachment() throws IOException {
        Response response = response(ExportFormat.CSV, records(1200, -1));
        assertEquals(200, response.getStatus());
        assertTrue(response.getHeaderString(HttpHeaders.CONTENT_DISPOSITION).matches("attachment; filename=samples-\\d{4}-\\d\\d-\\d\\d\\.csv"));
        assertEquals("text/csv;charset=utf-8", response.getMediaType().toString().replace(" ", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals(1201, lines.length);
        assertEquals("id,name,amount,createdAt,tags,custom.segment,version", lines[0]);
        assertTrue(lines[1200].startsWith("1200,"));
    }

    @Test
    void aFailureOnceWritingStartedIsRethrownSoThatTheBodyIsCutNotCompleted() {
        Response response = response(ExportFormat.NDJSON, records(1200, 700));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalStateException.class, () -> ((StreamingOutput) response.getEntity()).write(out));
        String written = out.toString(StandardCharsets.UTF_8);
        assertTrue(written.split("\n").length <= 699, "no more than the rows before the failure");
    }
}
