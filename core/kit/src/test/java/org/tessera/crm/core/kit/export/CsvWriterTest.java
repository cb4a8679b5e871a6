package org.tessera.crm.core.kit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static String row(String... fields) throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(Arrays.asList(fields));
        return out.toString();
    }

    @Test
    void plainFieldsAreWrittenAsTheyAreAndRowsEndWithCrLf() throws IOException {
        assertEquals("a,b,42\r\n", row("a", "b", "42"));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() throws IOException {
        assertEquals("\"Dupont, Marie\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n",
                row("Dupont, Marie", "say \"hi\"", "two\nlines", "cr\rhere"));
    }

    @Test
    void nullIsNothingAndEmptyIsAQuotedEmptyString() throws IOException {
        assertEquals(",\"\",x\r\n", row(null, "", "x"));
    }

    @Test
    void leadingOrTrailingSpacesAreQuotedSoThatNoReaderTrimsThem() throws IOException {
        assertEquals("\" padded \",in side\r\n", row(" padded ", "in side"));
    }

    @Test
    void unicodeIsKeptAsItIs() throws IOException {
        assertEquals("Zoë,東京,\"Ünïcödé, 🎉\"\r\n", row("Zoë", "東京", "Ünïcödé, 🎉"));
    }
}
