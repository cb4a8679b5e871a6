package org.tessera.crm.core.kit.export;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.RecordExport;

/**
 * The response of an export endpoint: {@code 200} with the file as an attachment
 * ({@code Content-Disposition: attachment; filename=<name>-<UTC date>.<ndjson|csv>}), its body
 * written while the records are read. Everything that can be refused (the format, the filters,
 * the permissions) is refused before this is built, as a problem. A failure once the body has
 * started cannot change the status any more: it is logged with the caller and the rows written,
 * and the body is cut short (rethrown to the runtime), never completed as if nothing happened.
 * Each export that completes is logged with its caller and row count.
 */
public final class ExportResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ExportResponses.class);

    private ExportResponses() {
    }

    /**
     * @param name the file name's stem and the log's name for the records, e.g. {@code parties}
     * @param export the records, prepared by the service for the caller
     * @param columns the CSV columns for the export's custom field keys (unused for NDJSON)
     * @param caller the caller's login, for the log
     */
    public static <T> Response stream(ExportFormat format, String name, RecordExport<T> export, ObjectMapper mapper,
            Function<List<String>, ExportColumns<T>> columns, String caller) {
        return stream(format, name, export, mapper, columns, caller, Clock.systemUTC());
    }

    static <T> Response stream(ExportFormat format, String name, RecordExport<T> export, ObjectMapper mapper,
            Function<List<String>, ExportColumns<T>> columns, String caller, Clock clock) {
        ExportColumns<T> csvColumns = format == ExportFormat.CSV ? columns.apply(export.customFieldKeys()) : null;
        StreamingOutput body = out -> {
            long started = System.nanoTime();
            RecordWriter<T> writer = RecordWriter.of(format, out, mapper, csvColumns);
            long[] written = {0};
            try {
                export.forEach(record -> {
                    writer.write(record);
                    written[0]++;
                });
                writer.flush();
            } catch (IOException | RuntimeException e) {
                LOG.error("export of {} as {} for {} cut after {} rows: {}", name, format.extension(), caller, written[0],
                        e.toString(), e);
                throw e;
            }
            LOG.info("export of {} as {} for {}: {} rows in {} ms", name, format.extension(), caller, written[0],
                    (System.nanoTime() - started) / 1_000_000);
        };
        return Response.ok(body, format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(name, format, LocalDate.now(clock)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    static String contentDisposition(String name, ExportFormat format, LocalDate date) {
        return "attachment; filename=" + name + "-" + date + "." + format.extension();
    }
}
