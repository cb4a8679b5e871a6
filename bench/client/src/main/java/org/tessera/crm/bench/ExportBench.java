package org.tessera.crm.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The export phase: {@code --export-parties} generated parties (the run's size by default; 0 for
 * none: the parties of a database kept with {@code KEEP_DB}) written with JDBC into the stopped
 * server's database, then {@code GET /v1/parties:export} as NDJSON and
 * as CSV over HTTP, read to the end by the client; rows/s, and the server's heap: used after a full
 * GC before the export, after a full GC forced half-way through it (the live set while it streams:
 * flat means it does not grow with the rows) and the peak seen every 200 ms. Beside it, the raw
 * limit: the same party rows read with plain JDBC (forward-only, fetch size 1,000) and written to a
 * file, on the same database with the server stopped.
 */
final class ExportBench {
    private static final long FIRST_ID = 50_000_000L;

    private final Http http;
    private final Path dist;
    private final long seed;
    /** Parties to write with JDBC first (none when the load phase imported the data set). */
    private final long toWrite;
    /** Parties in the database once written: the rows the export must give (0: as many as the raw read finds). */
    private final long parties;
    /** The party rows the raw read found. */
    private long rawRows;
    private final List<String> owners;
    private final BankingBench.Row row;
    private final BankingBench.Step stop;
    private final BankingBench.Step boot;
    private final Supplier<Long> serverPid;
    private final HttpClient client = HttpClient.newHttpClient();

    ExportBench(Http http, Path dist, long seed, long toWrite, long parties, List<String> owners, BankingBench.Row row,
            BankingBench.Step stop, BankingBench.Step boot, Supplier<Long> serverPid) {
        this.http = http;
        this.dist = dist;
        this.seed = seed;
        this.toWrite = toWrite;
        this.parties = parties;
        this.owners = owners;
        this.row = row;
        this.stop = stop;
        this.boot = boot;
        this.serverPid = serverPid;
    }

    void run() throws Exception {
        stop.run();
        String url = ForecastingBench.databaseUrl(dist);
        if (toWrite > 0) {
            try (TestDatabase db = TestDatabase.derby(dist.resolve("data/tessera/db"))) {
                long nanos = RawJdbcLoader.insert(db.dataSource(), new PartyGenerator(seed, owners, "1"), toWrite, 500, FIRST_ID, FIRST_ID);
                say("Export: %,d parties written with JDBC into the stopped server's database in %.1f s", toWrite, nanos / 1e9);
            }
        }
        double raw = rawRead(url);
        shutDown(url);
        boot.run();
        http.useBearer();
        export("csv", 1); // warm-up on a small slice: the first request loads classes
        long expected = parties > 0 ? parties : rawRows;
        Result ndjson = export("ndjson", expected);
        Result csv = export("csv", expected);
        for (Result r : List.of(ndjson, csv)) {
            row.add(fmt("Export %,d parties as %s over HTTP (GET /v1/parties:export)", r.rows, r.format.toUpperCase(Locale.ROOT)),
                    fmt("%,.0f rows/s (%.1f s, %,.0f MB)", r.rate(), r.seconds, r.bytes / 1e6),
                    fmt("%,.0f rows/s raw JDBC read of the party rows to a file", raw), r.rate() / raw, ">= 20,000 rows/s",
                    r.rate() >= 20_000);
            row.add(fmt("Export as %s: server heap used (MB)", r.format.toUpperCase(Locale.ROOT)),
                    fmt("after GC: %.0f before, %.0f half-way, %.0f after; peak %.0f", r.heapBefore, r.heapMidway, r.heapAfter, r.heapPeak),
                    "-", r.heapMidway / r.heapBefore, "flat: half-way live heap close to before", r.heapMidway <= r.heapBefore * 1.5 + 64);
        }
    }

    private record Result(String format, long rows, long bytes, double seconds, double heapBefore, double heapMidway,
            double heapAfter, double heapPeak) {
        double rate() {
            return rows / seconds;
        }
    }

    /** One export read to its end; {@code expected} rows are the ones written with JDBC (the bench's others add a few). */
    private Result export(String format, long expected) throws Exception {
        double before = heapAfterGc();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet((long) heapUsedMb(), Math::max);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    // the next sample will do
                }
            }
        });
        HttpRequest request = HttpRequest.newBuilder(http.get(http.uri("/v1/parties:export?format=" + format)), (n, v) -> true)
                .timeout(Duration.ofHours(2)).build();
        long start = System.nanoTime();
        sampler.start();
        long rows = 0;
        long bytes = 0;
        double midway = Double.NaN;
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode() + ": " + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream body = response.body()) {
            for (int n; (n = body.read(buffer)) > 0;) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        rows++;
                    }
                }
                if (Double.isNaN(midway) && rows >= expected / 2 && expected > 1) {
                    midway = heapAfterGc();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        if (format.equals("csv")) {
            rows--; // the header row
        }
        double after = heapAfterGc();
        if (expected > 1) {
            say("Export %s: %,d rows, %,d bytes in %.1f s (%,.0f rows/s); heap after GC %.0f MB before, %.0f half-way, %.0f after; peak %.0f MB",
                    format, rows, bytes, seconds, rows / seconds, before, midway, after, (double) peak.get());
        }
        return new Result(format, rows, bytes, seconds, before, midway, after, peak.get());
    }

    /** The server's heap used after a full collection, in MB. */
    private double heapAfterGc() throws IOException, InterruptedException {
        run("jcmd", String.valueOf(serverPid.get()), "GC.run");
        return heapUsedMb();
    }

    /** The server's heap used (survivors, eden, old), in MB, from {@code jstat -gc}. */
    private double heapUsedMb() throws IOException, InterruptedException {
        List<String> lines = run("jstat", "-gc", String.valueOf(serverPid.get())).lines().toList();
        List<String> names = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        double kb = 0;
        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
            kb += Double.parseDouble(values[names.indexOf(column)]);
        }
        return kb / 1024;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + out);
        }
        return out;
    }

    /** The raw limit: every party row, read forward-only and written as comma-separated text; rows/s. */
    private double rawRead(String url) throws SQLException, IOException {
        Path file = dist.resolveSibling("raw-export.csv");
        long rows = 0;
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url);
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM party ORDER BY id", ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int columns = meta.getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            if (i > 1) {
                                out.write(',');
                            }
                            String value = rs.getString(i);
                            if (value != null) {
                                out.write(value);
                            }
                        }
                        out.write("\r\n");
                        rows++;
                    }
                }
            }
            c.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        say("Export raw: %,d party rows read with JDBC and written to a file in %.1f s (%,.0f rows/s, %,d bytes)", rows, seconds,
                rows / seconds, Files.size(file));
        Files.delete(file);
        rawRows = rows;
        return rows / seconds;
    }

    private static void shutDown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true");
        } catch (SQLException closed) {
            // Derby answers a shutdown with an exception by design (08006)
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
