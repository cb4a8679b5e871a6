package org.tessera.crm.core.kit.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes records one at a time in an export's format, flushing every {@link #FLUSH_EVERY} records
 * so that the client receives the file as it is read, and nothing accumulates.
 */
public abstract class RecordWriter<T> {
    /** Records between two flushes of the output. */
    public static final int FLUSH_EVERY = 500;

    private long written;

    /** Writes one record. */
    public final void write(T record) throws IOException {
        writeRecord(record);
        if (++written % FLUSH_EVERY == 0) {
            flush();
        }
    }

    /** Flushes what is buffered; the output stays open (the JAX-RS runtime closes it). */
    public abstract void flush() throws IOException;

    protected abstract void writeRecord(T record) throws IOException;

    /** A writer of {@code format} on {@code out}: NDJSON with {@code mapper}, CSV with {@code columns}. */
    public static <T> RecordWriter<T> of(ExportFormat format, OutputStream out, ObjectMapper mapper, ExportColumns<T> columns)
            throws IOException {
        return format == ExportFormat.CSV ? csv(out, columns) : ndjson(out, mapper);
    }

    /** One JSON object per line ({@code \n}), as {@code mapper} writes the list's items. */
    public static <T> RecordWriter<T> ndjson(OutputStream out, ObjectMapper mapper) throws IOException {
        JsonGenerator generator = mapper.getFactory().createGenerator(out);
        generator.setRootValueSeparator(null);
        ObjectWriter writer = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        return new RecordWriter<>() {
            @Override
            protected void writeRecord(T record) throws IOException {
                writer.writeValue(generator, record);
                generator.writeRaw('\n');
            }

            @Override
            public void flush() throws IOException {
                generator.flush();
            }
        };
    }

    /** RFC 4180 CSV in UTF-8: the header row at once, then one row per record. */
    public static <T> RecordWriter<T> csv(OutputStream out, ExportColumns<T> columns) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CsvWriter csv = new CsvWriter(text);
        csv.row(columns.header());
        return new RecordWriter<>() {
            @Override
            protected void writeRecord(T record) throws IOException {
                csv.row(columns.cells(record));
            }

            @Override
            public void flush() throws IOException {
                text.flush();
            }
        };
    }
}
