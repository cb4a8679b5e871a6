package org.tessera.crm.core.impl.imports.jobs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.imports.ImportRow;

/**
 * The rows of a CSV file with a header row, read one record at a time: each mapped cell is put at
 * its field path, an empty cell is no value, and the object is read into the row type by Jackson
 * (which turns text into numbers, dates and enums, or says which field it could not). A row's line
 * is where its record starts in the file (a quoted value may span lines). A record with more or
 * fewer values than the header, or a cell Jackson refuses, is an unreadable row naming the field,
 * whose column the report finds through {@link #mapping()}. Malformed CSV (a quote never closed)
 * ends the rows with one unreadable row at the line where the parser gave up.
 */
final class CsvRows<T> implements Iterator<ImportRow<T>> {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true).build();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ColumnMapping mapping;
    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final int columns;
    private final long afterLine;
    /** The line the last record read ended on; the header's at first. */
    private long lastEnd;
    private boolean broken;
    private ImportRow<T> next;

    /**
     * @param properties the row type's JSON properties, to check the mapping against
     * @param afterLine rows starting at or before this line are skipped unread (a resumed job)
     * @throws ValidationException naming {@code mapping} when it does not fit the header
     */
    CsvRows(Reader in, Map<String, String> mapping, ObjectMapper mapper, Class<T> type, Collection<String> properties,
            long afterLine) {
        try {
            this.parser = FORMAT.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new org.tessera.crm.core.api.ValidationException(FieldError.invalid("body", "the CSV header cannot be read: "
                    + e.getMessage()));
        }
        List<String> header = parser.getHeaderNames();
        this.columns = header.size();
        this.mapping = ColumnMapping.bind(mapping, header, properties);
        this.mapper = mapper;
        this.reader = mapper.readerFor(type);
        this.records = parser.iterator();
        this.lastEnd = parser.getCurrentLineNumber();
        this.afterLine = afterLine;
    }

    /** The header of the file bound to the job's mapping. */
    ColumnMapping mapping() {
        return mapping;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !broken) {
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
        while (true) {
            long line = lastEnd + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                broken = true;
                return ImportRow.unreadable(line, List.of(new FieldError(null, "malformed", "malformed CSV from this line: "
                        + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()))));
            }
            lastEnd = Math.max(parser.getCurrentLineNumber(), line);
            if (record.size() == 1 && record.get(0).isEmpty() && columns > 1) {
                continue; // a blank line
            }
            if (line <= afterLine) {
                continue; // committed before a restart: not converted again
            }
            if (record.size() != columns) {
                return ImportRow.unreadable(line, List.of(new FieldError(null, "malformed", "the record has " + record.size()
                        + " values, the header " + columns)));
            }
            return convert(line, record);
        }
    }

    private ImportRow<T> convert(long line, CSVRecord record) {
        ObjectNode row = mapper.createObjectNode();
        for (ColumnMapping.Binding binding : mapping.bindings()) {
            String value = record.get(binding.index());
            if (!value.isEmpty() && !binding.path().set(row, value)) {
                return ImportRow.unreadable(line, List.of(FieldError.invalid(binding.path().toString(),
                        "the column '" + binding.column() + "' conflicts with another column's field")));
            }
        }
        try {
            T value = reader.readValue(row);
            return ImportRow.of(line, value);
        } catch (UnrecognizedPropertyException e) {
            return ImportRow.unreadable(line, List.of(new FieldError(path(e), "unknown", "not a known field")));
        } catch (JsonMappingException e) {
            String path = path(e);
            return ImportRow.unreadable(line, List.of(FieldError.invalid(path.isEmpty() ? null : path, e.getOriginalMessage())));
        } catch (IOException e) {
            return ImportRow.unreadable(line, List.of(new FieldError(null, "malformed", e.getMessage())));
        }
    }

    /** The failing field's path, as the reports name fields ({@code a.b[2].c}). */
    private static String path(JsonMappingException e) {
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
