package org.tessera.crm.banking.impl.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.imports.ImportRow;

/**
 * The rows of an NDJSON body as the core's imports read them: one JSON object per line, read when
 * the importer asks for it; a blank line is skipped but counted, so line numbers match the file;
 * a line that cannot be read becomes a rejected row naming the field where Jackson knows it. The
 * core's body limit bounds the whole body before it reaches here.
 */
final class NdjsonReader<T> implements Iterator<ImportRow<T>> {
    private final BufferedReader lines;
    private final ObjectReader json;
    private long lineNumber;
    private ImportRow<T> next;

    NdjsonReader(InputStream body, ObjectReader json) {
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.json = json;
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
            String line;
            do {
                line = lines.readLine();
                if (line == null) {
                    return null;
                }
                lineNumber++;
            } while (line.isBlank());
            return parse(lineNumber, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportRow<T> parse(long number, String line) {
        try {
            return ImportRow.of(number, json.readValue(line));
        } catch (UnrecognizedPropertyException e) {
            return ImportRow.unreadable(number, List.of(new FieldError(path(e), "unknown", "not a known field")));
        } catch (JsonMappingException e) {
            String path = path(e);
            return ImportRow.unreadable(number, List.of(new FieldError(path.isEmpty() ? null : path, "invalid", e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            return ImportRow.unreadable(number, List.of(new FieldError(null, "malformed", "not a JSON object: " + e.getOriginalMessage())));
        }
    }

    /** {@code a.b[2].c}, as problem responses name fields. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
