package org.tessera.crm.core.kit.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Rows of RFC 4180 CSV: fields separated by commas, rows ended by CRLF, a field quoted when it holds
 * a comma, a quote, CR or LF (its quotes doubled), or when it is empty or starts or ends with a
 * space (so that no reader trims it). A {@code null} field is written as nothing, an empty string
 * as {@code ""}: a reader that cares can tell them apart.
 */
public final class CsvWriter {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(fields.get(i));
        }
        out.write("\r\n");
    }

    private void field(String value) throws IOException {
        if (value == null) {
            return;
        }
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    static boolean needsQuotes(String value) {
        if (value.isEmpty() || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
