package org.tessera.crm.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;

/**
 * The import jobs phase: {@code --job-rows} generated parties (10,000 by default) as an NDJSON import
 * job, then as many others as a CSV import job with a column mapping, each timed from the submit to
 * DONE by the client (the upload included), beside the synchronous {@code POST /v1/parties:import}
 * of as many others: the job machinery's cost, and CSV's beside NDJSON. Each set of rows is new
 * (its own range of the generator), so every row is a create.
 */
final class ImportJobsBench {
    /** Far above the load phase's indexes, so that every row here is new (another with --job-first, for a second run on a kept database). */
    static final long FIRST = 80_000_000L;
    private static final String CSV_HEADER = "Type,First name,Last name,Company,Household,Born,Job,Channel,Value,Segment,Ref";
    private static final String MAPPING = "Type=type,First%20name=firstName,Last%20name=lastName,Company=legalName,Household=name,"
            + "Born=birthDate,Job=jobTitle,Channel=contactMechanisms[0].type,Value=contactMechanisms[0].value,Segment=custom.segment,"
            + "Ref=externalIds." + PartyGenerator.EXTERNAL_SOURCE;

    private final Http http;
    private final ObjectMapper mapper;
    private final PartyGenerator generator;
    private final long rows;
    private final Path work;
    private final BankingBench.Row row;
    private long first = FIRST;

    ImportJobsBench(Http http, ObjectMapper mapper, PartyGenerator generator, long rows, Path work, BankingBench.Row row) {
        this.http = http;
        this.mapper = mapper;
        this.generator = generator;
        this.rows = rows;
        this.work = work;
        this.row = row;
    }

    /** The generator's row the first import starts at; each import takes the next {@code rows}. */
    ImportJobsBench startingAt(long firstRow) {
        this.first = firstRow;
        return this;
    }

    /** Only the imports named in {@code formats} (sync, ndjson, csv), each over its own range of rows. */
    void run(Set<String> formats) throws Exception {
        double sync = Double.NaN;
        double ndjson = Double.NaN;
        if (formats.contains("sync")) {
            sync = synchronous(first, first + rows);
        }
        if (formats.contains("ndjson")) {
            ndjson = job("application/x-ndjson", "/v1/import-jobs?type=party",
                    () -> new NdjsonStream(generator, mapper, first + rows, first + 2 * rows));
            row.add(fmt("Import job, NDJSON, %,d parties", rows), fmt("%,.0f parties/s (submit to DONE)", ndjson),
                    Double.isNaN(sync) ? "-" : fmt("%,.0f parties/s synchronous :import", sync), ndjson / sync, "-", true);
        }
        if (formats.contains("csv")) {
            Path csv = writeCsv(first + 2 * rows, first + 3 * rows);
            try {
                double csvRate = job("text/csv", "/v1/import-jobs?type=party&mapping=" + MAPPING.replace("[", "%5B").replace("]", "%5D")
                        .replace("=", "%3D"), () -> open(csv));
                row.add(fmt("Import job, CSV with a mapping, %,d parties", rows), fmt("%,.0f parties/s (submit to DONE)", csvRate),
                        Double.isNaN(ndjson) ? "-" : fmt("%,.0f parties/s NDJSON job", ndjson), csvRate / ndjson, "-", true);
            } finally {
                Files.deleteIfExists(csv);
            }
        }
    }

    private double synchronous(long from, long to) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.postStream("/v1/parties:import", "application/x-ndjson",
                () -> new NdjsonStream(generator, mapper, from, to));
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode report = mapper.readTree(response.body());
        say("Import jobs: synchronous :import of %,d parties: %,.0f parties/s, created %d, rejected %d", to - from,
                (to - from) / seconds, report.path("created").asLong(), report.path("rejected").asLong());
        return (to - from) / seconds;
    }

    private double job(String contentType, String path, java.util.function.Supplier<InputStream> body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> submitted = http.postStream(path, contentType, body);
        if (submitted.statusCode() != 202) {
            throw new IllegalStateException("import job refused: " + submitted.statusCode() + " " + submitted.body());
        }
        String id = mapper.readTree(submitted.body()).path("id").asText();
        JsonNode job;
        while (true) {
            job = http.getJson("/v1/import-jobs/" + id);
            String state = job.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED") || state.equals("CANCELLED")) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        say("Import jobs: %s job %s: %s, %,.0f parties/s submit to DONE (the worker's own rate %,.0f), created %d, rejected %d",
                contentType, id, job.path("state").asText(), rows / seconds, job.path("rate").asDouble(), job.path("created").asLong(),
                job.path("rejected").asLong());
        if (!job.path("state").asText().equals("DONE")) {
            throw new IllegalStateException("import job " + id + " ended " + job);
        }
        return rows / seconds;
    }

    private Path writeCsv(long from, long to) throws IOException {
        Files.createDirectories(work);
        Path file = work.resolve("import-job-parties.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CSV_HEADER);
            out.write('\n');
            for (long i = from; i < to; i++) {
                PartyDTO party = generator.party(i);
                ContactMechanismDTO first = party.contactMechanisms.stream().filter(m -> m.value != null).findFirst().orElse(null);
                List<Object> cells = new ArrayList<>();
                cells.add(party.type);
                cells.add(party.firstName);
                cells.add(party.lastName);
                cells.add(party.legalName);
                cells.add(party.name);
                cells.add(party.birthDate);
                cells.add(party.jobTitle);
                cells.add(first == null ? null : first.type);
                cells.add(first == null ? null : first.value);
                cells.add(party.customFields.get("segment"));
                cells.add(party.externalIds.get(PartyGenerator.EXTERNAL_SOURCE));
                for (int c = 0; c < cells.size(); c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.write(cell(cells.get(c)));
                }
                out.write('\n');
            }
        }
        return file;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
