package org.tessera.crm.core.kit.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.kit.FieldErrors;

/**
 * The rows of an NDJSON body, read one line at a time as the importer asks for them: the body
 * is never held in memory. Blank lines are skipped (but counted, so that line numbers match
 * the file); a line that is not a JSON object of the expected type becomes an unreadable row
 * carrying the reason and, where Jackson knows it, the field.
 */
public final class NdjsonRows<T> implements Iterator<ImportRow<T>> {
    /** The default of {@code maxImportLineChars}. */
    public static final int DEFAULT_MAX_LINE_CHARS = 1 << 20;

    private final BoundedLineReader reader;
    private final ObjectReader json;
    /** Where the line limit is configured, named in the rejection of a longer line; null for a fixed limit. */
    private final String limitName;
    private long lineNumber;
    private ImportRow<T> next;

    /**
     * @param maxLineChars a longer line is a rejected row, read past without being held, so that one
     *        huge line cannot exhaust memory
     */
    public NdjsonRows(InputStream body, ObjectMapper mapper, Class<T> type) {
        this(body, mapper, type, DEFAULT_MAX_LINE_CHARS, null);
    }

    /** The core's imports: the limit is {@code maxImportLineChars} of {@code org.tessera.crm.rest.limits}. */
    public NdjsonRows(InputStream body, ObjectMapper mapper, Class<T> type, int maxLineChars) {
        this(body, mapper, type, maxLineChars, "org.tessera.crm.rest.limits/maxImportLineChars");
    }

    /** @param limitName where {@code maxLineChars} is configured, named in the rejection of a longer line */
    public NdjsonRows(InputStream body, ObjectMapper mapper, Class<T> type, int maxLineChars, String limitName) {
        this.reader = new BoundedLineReader(new InputStreamReader(body, StandardCharsets.UTF_8), maxLineChars);
        this.json = mapper.readerFor(type);
        this.limitName = limitName;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public ImportRow<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportRow<T> row = next;
        next = null;
        return row;
    }

    private ImportRow<T> read() {
        try {
            BoundedLineReader.Line line;
            do {
                line = reader.next();
                if (line == null) {
                    return null;
                }
                lineNumber++;
            } while (!line.tooLong() && line.text().isBlank());
            if (line.tooLong()) {
                return ImportRow.unreadable(lineNumber, List.of(new FieldError(null, "too_long", "line " + lineNumber
                        + " is longer than the limit of " + reader.maxChars() + " characters"
                        + (limitName == null ? "" : " (" + limitName + ")"))));
            }
            return parse(lineNumber, line.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportRow<T> parse(long number, String line) {
        try {
            T value = json.readValue(line);
            if (value == null) { // the line "null": read as no value at all, which no import can take
                return ImportRow.unreadable(number, List.of(new FieldError(null, "malformed", "not a JSON object: null")));
            }
            return ImportRow.of(number, value);
        } catch (UnrecognizedPropertyException e) {
            return ImportRow.unreadable(number, List.of(new FieldError(path(e), "unknown", "not a known field")));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamConstraintsException limit) {
                return tooLarge(number, limit);
            }
            String path = path(e);
            return ImportRow.unreadable(number, List.of(new FieldError(path.isEmpty() ? null : path, "invalid",
                    e.getOriginalMessage())));
        } catch (StreamConstraintsException e) {
            return tooLarge(number, e);
        } catch (JsonProcessingException e) {
            return ImportRow.unreadable(number, List.of(new FieldError(null, "malformed",
                    "not a JSON object: " + e.getOriginalMessage())));
        }
    }

    private ImportRow<T> tooLarge(long number, StreamConstraintsException limit) {
        return ImportRow.unreadable(number, List.of(new FieldError(null, FieldErrors.LIMIT_EXCEEDED,
                "the line " + JsonProblems.limitMessage(limit))));
    }

    /** The JSON path of the failing field, as the problem responses name fields ({@code a.b[2].c}). */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
