package org.tessera.crm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The benchmark: boots the distribution, loads it through {@code POST /v1/parties:import}, measures
 * every figure of docs/performance.md beside its raw limit, restarts, stops, and prints the table.
 * Usage: {@code java -cp ... org.tessera.crm.bench.Bench --dist DIR --ping-jar JAR [--parties N]
 * [--rounds R] [--round-seconds S] [--warmup-seconds W] [--port P] [--seed S] [--report FILE]
 * [--phases all|load,p2,p3,p4,basic,ui,service,banking,insurance,marketing,p5,forecasting,export,scan,jobs,feed,reimport,cluster] [--database derby|postgresql] [--pool-size N] [--cluster-threads N] [--reimport-rows N] [--export-parties N] [--feed-changes N] [--without-duplicate-rules true] [--scan-parties N] [--job-rows N] [--job-formats sync,ndjson,csv] [--job-first N] [--service-requests N] [--banking-accounts N] [--policies N] [--renewals N] [--rest-policies N] [--renewal-month YYYY-MM-01] [--forecast-opportunities N] [--ui-dir DIR] [--ui-out DIR]}. Without {@code load} the server's
 * database must already hold the data set of the same size and seed (run.sh's {@code KEEP_DB=1}). The
 * {@code ui} phase runs {@code bench/ui/ui-bench.mjs} (Node, Lighthouse and Playwright on Debian's Chromium)
 * against the running server and adds its figures to the table.
 */
public final class Bench {
    static final int AGENTS = 20;
    private static final String ADMIN = "admin";
    private static final String NDJSON = "application/x-ndjson";

    private final Map<String, String> options;
    private final Path dist;
    private final long parties;
    private final int rounds;
    private final int roundSeconds;
    private final int warmupSeconds;
    private final long seed;
    /** Which figures to measure: "all", or a comma list of load, p2, p3, p4, basic, ui, service, banking, insurance, marketing, p5, forecasting, export, scan, jobs, feed, reimport, and cluster (with --database postgresql; not in "all"). */
    private final java.util.Set<String> phases;
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    private final Http http;
    /** The password the server generated for {@link #ADMIN} at its first start. */
    private String adminPassword;
    /** The PostgreSQL server of a {@code --database postgresql} run; null on Derby. */
    private BenchPostgres postgres;
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    private Bench(Map<String, String> options) {
        this.options = options;
        this.dist = Path.of(required(options, "dist")).toAbsolutePath().normalize();
        this.parties = Long.parseLong(options.getOrDefault("parties", "1000000"));
        this.rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        this.roundSeconds = Integer.parseInt(options.getOrDefault("round-seconds", "10"));
        this.warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "10"));
        this.seed = Long.parseLong(options.getOrDefault("seed", "42"));
        String only = options.getOrDefault("phases", "all");
        this.phases = only.equals("all") ? java.util.Set.of("load", "p2", "p3", "p4", "basic", "ui", "service", "banking", "insurance", "marketing", "p5", "forecasting", "export", "scan", "jobs", "feed", "reimport")
                : java.util.Set.of(only.split(","));
        this.http = new Http("http://localhost:" + options.getOrDefault("port", "8181") + "/tessera/api", mapper);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Bench bench = new Bench(options);
        try {
            bench.run();
        } finally {
            bench.stopIfRunning();
            if (bench.postgres != null) {
                bench.postgres.close();
            }
        }
    }

    /** Leaves no server behind, whatever failed. */
    private void stopIfRunning() throws Exception {
        if (karaf().isPresent()) {
            stop();
        }
    }

    private void run() throws Exception {
        say("Machine: %s", machine());
        say("Data set: %,d parties, seed %d; load rounds: %d x %d s after a %d s warm-up", parties, seed, rounds,
                roundSeconds, warmupSeconds);

        if ("postgresql".equals(options.getOrDefault("database", "derby"))) {
            postgres = BenchPostgres.start(Path.of(options.getOrDefault("raw-dir", "target/raw-derby")).resolveSibling("postgres"));
            postgres.configure(dist, Integer.parseInt(options.getOrDefault("pool-size", "16")));
            say("Database: PostgreSQL 14 (embedded binaries, fsync and synchronous commit on) at %s", postgres.jdbcUrl("tessera"));
        }
        double firstBoot = boot();
        long rssBoot = rssMiB();
        say("P5 %s to the first 200: %.1f s; RSS %d MiB", bootLabel(), firstBoot, rssBoot);
        deployPing();
        List<String> owners = setUp();
        if (phases.contains("load")) {
            load(owners);
        }
        if (phases.contains("forecasting")) {
            forecasting();
        }
        if (phases.contains("export")) {
            // on the imported data set when the load phase ran; otherwise the run's size written with JDBC
            long toWrite = phases.contains("load") ? 0 : Long.parseLong(options.getOrDefault("export-parties", String.valueOf(parties)));
            new ExportBench(http, dist, seed, toWrite, phases.contains("load") ? parties : toWrite, owners, this::row, this::stop,
                    this::boot, () -> karaf().orElseThrow().pid()).run();
        }
        if (phases.contains("scan")) {
            long scanned = Long.parseLong(options.getOrDefault("scan-parties", String.valueOf(parties)));
            new DuplicateScanBench(http, dist, seed, scanned, owners, this::row, this::stop, this::boot).run();
        }
        if (phases.contains("jobs")) {
            http.useBearer();
            new ImportJobsBench(http, mapper, new PartyGenerator(seed, owners, "1"), Long.parseLong(options.getOrDefault("job-rows", "10000")),
                    Path.of("target"), this::row)
                    .startingAt(Long.parseLong(options.getOrDefault("job-first", String.valueOf(ImportJobsBench.FIRST))))
                    .run(java.util.Set.of(options.getOrDefault("job-formats", "sync,ndjson,csv").split(",")));
        }
        if (phases.contains("reimport")) {
            reimport(owners);
        }
        if (phases.contains("cluster")) {
            cluster(owners);
        }
        if (phases.contains("feed")) {
            // the load phase's changes when it ran; otherwise --feed-changes parties imported first
            long toImport = phases.contains("load") ? 0 : Long.parseLong(options.getOrDefault("feed-changes", "20000"));
            new ChangeFeedBench(http, mapper, dist, new PartyGenerator(seed, owners, "1"), toImport, this::row, this::stop, this::boot).run();
        }
        measure(owners, firstBoot, rssBoot);
    }

    /** P1: the raw load, then the REST import of the whole data set, then a re-import. */
    private void load(List<String> owners) throws Exception {
        // P1: the raw limit first, while the server is idle, then the same rows over REST. The raw
        // load covers the first slice of the data set (all of it up to 200,000 parties): its rate is
        // compared with the REST rate over that same slice, into the same empty starting state.
        long rawParties = Long.parseLong(options.getOrDefault("raw-parties", String.valueOf(Math.min(parties, 200_000))));
        RawJdbcLoader raw = postgres != null ? new RawJdbcLoader(postgres::freshRawDatabase)
                : new RawJdbcLoader(Path.of(options.getOrDefault("raw-dir", "target/raw-derby")));
        long rawNanos = raw.load(seed, rawParties, 500);
        double rawRate = rawParties / (rawNanos / 1e9);
        say("P1 raw JDBC batch insert of the first %,d parties: %,.0f parties/s (%.1f s)", rawParties, rawRate, rawNanos / 1e9);
        PartyGenerator generator = new PartyGenerator(seed, owners, "1");
        http.useBearer();
        if (Boolean.parseBoolean(options.getOrDefault("without-duplicate-rules", "false"))) {
            withoutDuplicateRules();
        }
        long batch = Math.min(rawParties, Long.parseLong(options.getOrDefault("import-batch", "100000")));
        if (postgres != null) {
            postgres.resetStatementStatistics();
        }
        long start = System.nanoTime();
        long[] counts = new long[4];
        double sliceSeconds = Double.NaN;
        for (long from = 0; from < parties; from += batch) {
            long to = Math.min(parties, from + batch);
            JsonNode report = importRange(generator, from, to);
            counts[0] += report.path("created").asLong();
            counts[1] += report.path("updated").asLong();
            counts[2] += report.path("unchanged").asLong();
            counts[3] += report.path("rejected").asLong();
            if (report.path("rejected").asLong() > 0) {
                say("  rejected rows, first: %s", report.path("errors").path(0));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (to == rawParties) {
                sliceSeconds = elapsed;
            }
            say("  imported %,d / %,d (%,.0f parties/s so far)", to, parties, to / elapsed);
        }
        double importSeconds = (System.nanoTime() - start) / 1e9;
        double restRate = parties / importSeconds;
        double sliceRate = rawParties / sliceSeconds;
        say("P1 REST import: %,.0f parties/s over all %,d (%.1f s), %,.0f parties/s over the first %,d: created %d,"
                + " updated %d, unchanged %d, rejected %d", restRate, parties, importSeconds, sliceRate, rawParties,
                counts[0], counts[1], counts[2], counts[3]);
        if (postgres != null) {
            say("P1 on PostgreSQL, the statements that took the most of the database's time during the import:");
            postgres.busiestStatements(15).forEach(line -> say("  %s", line));
            say("P1 on PostgreSQL, the planner's statistics before the rows are imported again:");
            postgres.plannerStatistics().forEach(line -> say("  %s", line));
            postgres.resetStatementStatistics();
        }
        long sample = Math.min(parties, 20_000);
        long againStart = System.nanoTime();
        JsonNode again = importRange(generator, 0, sample);
        say("P1 the first %,d rows imported again: created %d, unchanged %d (%,.0f rows/s)", sample,
                again.path("created").asLong(), again.path("unchanged").asLong(),
                sample / ((System.nanoTime() - againStart) / 1e9));
        if (postgres != null) {
            say("P1 on PostgreSQL, the statements that took the most of the database's time during the import again:");
            postgres.busiestStatements(8).forEach(line -> say("  %s", line));
        }
        row(fmt("P1 import, first %,d parties", rawParties), fmt("%,.0f parties/s NDJSON over REST", sliceRate),
                fmt("%,.0f parties/s raw JDBC batches", rawRate), sliceRate / rawRate, ">= 0.70 x raw", sliceRate / rawRate >= 0.7);
        row(fmt("P1 import, all %,d parties", parties), fmt("%,.0f parties/s (%.0f s)", restRate, importSeconds),
                "-", Double.NaN, "-", true);
    }

    /**
     * The re-import of unchanged rows beside the create rate, at the size of the database as it stands
     * (a kept data set of a million parties, say, without importing it all over REST first):
     * {@code --reimport-rows} new parties (20,000 by default, the generator's rows just past the data
     * set) imported, then the same file imported again, every row unchanged.
     */
    private void reimport(List<String> owners) throws Exception {
        long rows = Long.parseLong(options.getOrDefault("reimport-rows", "20000"));
        long stored = parties; // the data set's size: the kept database's parties, or those the load phase imported
        PartyGenerator generator = new PartyGenerator(seed, owners, "1");
        http.useBearer();
        long start = System.nanoTime();
        JsonNode created = importRange(generator, parties, parties + rows);
        double createRate = rows / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        JsonNode again = importRange(generator, parties, parties + rows);
        double againRate = rows / ((System.nanoTime() - start) / 1e9);
        say("Re-import at about %,d parties: %,d new rows created at %,.0f rows/s (created %d, rejected %d), then imported again"
                + " at %,.0f rows/s (unchanged %d, updated %d, rejected %d)", stored, rows, createRate, created.path("created").asLong(),
                created.path("rejected").asLong(), againRate, again.path("unchanged").asLong(), again.path("updated").asLong(),
                again.path("rejected").asLong());
        if (again.path("unchanged").asLong() != rows) {
            throw new IllegalStateException("the second import of the same rows changed some: " + again);
        }
        row(fmt("Re-import of %,d unchanged rows, %,d parties stored", rows, stored), fmt("%,.0f rows/s", againRate),
                fmt("%,.0f rows/s creating the same rows", createRate), againRate / createRate, ">= 3 x the create rate",
                againRate / createRate >= 3);
    }

    /**
     * Forecasting: the top position's rollup for a quarter over {@code --forecast-opportunities} deals
     * (100,000 by default) of 200 owners in 4 levels, beside the raw grouped SQL on the same database;
     * and submits. The server is stopped while the deals are written and the raw query runs.
     */
    private void forecasting() throws Exception {
        int deals = Integer.parseInt(options.getOrDefault("forecast-opportunities", "100000"));
        int forecasters = Integer.parseInt(options.getOrDefault("forecast-owners", "200"));
        http.useBasic();
        ForecastingBench bench = new ForecastingBench(http, mapper, seed, forecasters, deals);
        bench.setUpHierarchy();
        stop();
        String url = ForecastingBench.databaseUrl(dist);
        say("Forecasting: %,d deals of %d owners written with JDBC in %.1f s", deals, forecasters, bench.seed(url));
        bench.rawAggregate(url, ForecastingBench.AGGREGATE, 5);
        double[] raw = bench.rawAggregate(url, ForecastingBench.AGGREGATE, 50);
        shutDownDerby(url);
        // sales sums its forecast summary again at this boot: the JDBC deals are not in it yet
        boot();
        http.useBearer();
        bench.awaitForecasting();
        bench.rollup(10);
        double[] rollup = bench.rollup(50);
        double rollupP95 = ForecastingBench.percentile(rollup, 0.95);
        double rawP95 = ForecastingBench.percentile(raw, 0.95);
        row(fmt("Forecasting: top rollup, a quarter, %,d deals / %d owners / 4 levels (LIVE)", deals, forecasters),
                fmt("p50 %.0f / p95 %.0f ms", ForecastingBench.percentile(rollup, 0.5), rollupP95),
                fmt("grouped SQL of the deals on the same database: p50 %.0f / p95 %.0f ms", ForecastingBench.percentile(raw, 0.5), rawP95),
                rollupP95 / rawP95, "p95 <= 500 ms", rollupP95 <= 500);
        double[] repSubmits = bench.submits(forecasters - 1, 5);
        double[] topSubmits = bench.submits(0, 5);
        double worst = Math.max(ForecastingBench.percentile(repSubmits, 1.0), ForecastingBench.percentile(topSubmits, 1.0));
        row("Forecasting: submit (a rep's revision with its deals; the director's with every line)",
                fmt("rep max %.0f ms, director max %.0f ms", ForecastingBench.percentile(repSubmits, 1.0), ForecastingBench.percentile(topSubmits, 1.0)),
                fmt("top rollup p95 %.0f ms", rollupP95), worst / rollupP95, "<= 2 s", worst <= 2000);
        // the SQL the rollup now sends, alone on the same database: what the server adds to it
        stop();
        bench.rawAggregate(url, ForecastingBench.SUMMARY, 5);
        double[] summary = bench.rawAggregate(url, ForecastingBench.SUMMARY, 50);
        shutDownDerby(url);
        double summaryP95 = ForecastingBench.percentile(summary, 0.95);
        row("Forecasting: top rollup beside the summary read it sends (same quarter, owners and database)",
                fmt("p50 %.0f / p95 %.0f ms", ForecastingBench.percentile(rollup, 0.5), rollupP95),
                fmt("summary SQL: p50 %.1f / p95 %.1f ms", ForecastingBench.percentile(summary, 0.5), summaryP95),
                rollupP95 / summaryP95, "-", true);
        boot();
        http.useBearer();
    }

    /** Closes the bench JVM's embedded Derby so that the server can open the database again. */
    private static void shutDownDerby(String url) {
        try {
            java.sql.DriverManager.getConnection(url + ";shutdown=true");
        } catch (java.sql.SQLException closed) {
            // Derby answers a shutdown with an exception by design (08006)
        }
    }

    /** Where the cluster phase writes its parties with JDBC: far above what the server allocates. */
    private static final long CLUSTER_FIRST_ID = 70_000_000L;

    /**
     * Scale-out, with {@code --database postgresql} only: P2 (a party by id), P3 (typeahead) and P4
     * (a filtered, sorted page), each on this node, then with a second node of the same distribution
     * on the same database and the client's requests spread over both at random, with the same
     * number of client threads ({@code --cluster-threads}, 4),
     * then on this node alone again (the database's caches are warmer by then: the two nodes are
     * compared with the better one-node figure).
     * Without the load phase, the data set is first written with JDBC while the server is stopped.
     * The database's CPU use during each measurement is reported beside it.
     */
    private void cluster(List<String> owners) throws Exception {
        if (postgres == null) {
            throw new IllegalStateException("the cluster phase needs DB=postgresql: nodes share one PostgreSQL");
        }
        List<String> ids;
        if (phases.contains("load")) {
            ids = sampleIds(owners);
        } else {
            stop();
            try (TestDatabase db = postgres.serverDatabase()) {
                long nanos = RawJdbcLoader.insert(db.dataSource(), new PartyGenerator(seed, owners, "1"), parties, 500, CLUSTER_FIRST_ID,
                        CLUSTER_FIRST_ID);
                say("Cluster: %,d parties written with JDBC into the stopped server's database in %.1f s", parties, nanos / 1e9);
            }
            postgres.analyze();
            boot();
            http.useBearer();
            SplittableRandom random = new SplittableRandom(seed);
            ids = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                ids.add(String.valueOf(CLUSTER_FIRST_ID + random.nextLong(parties)));
            }
        }
        int threads = Integer.parseInt(options.getOrDefault("cluster-threads", "4"));
        List<String> prefixes = prefixes();
        // each figure as a path under the API, drawn per request
        Map<String, Function<SplittableRandom, String>> figures = new LinkedHashMap<>();
        figures.put("P2 a party by id", r -> "/v1/parties/" + ids.get(r.nextInt(ids.size())));
        figures.put("P3 typeahead", r -> "/v1/parties?limit=10&q=" + URLEncoder.encode(prefixes.get(r.nextInt(prefixes.size())), StandardCharsets.UTF_8));
        figures.put("P4 classification+owner, by name, 50",
                r -> "/v1/parties?classification=CUSTOMER&ownerId=" + owners.get(r.nextInt(owners.size())) + "&sort=name&limit=50");
        String base = "http://localhost:" + options.getOrDefault("port", "8181") + "/tessera/api";
        Map<String, ClusterRun> one = new LinkedHashMap<>();
        for (Map.Entry<String, Function<SplittableRandom, String>> figure : figures.entrySet()) {
            one.put(figure.getKey(), clusterRun(threads, r -> URI.create(base + figure.getValue().apply(r))));
            say("Cluster %s, one node, %d threads: %s", figure.getKey(), threads, one.get(figure.getKey()));
        }

        int portB = Integer.parseInt(options.getOrDefault("port", "8181")) + 100;
        SecondNode b = SecondNode.copyOf(dist, portB);
        b.start();
        try {
            Http onB = new Http("http://localhost:" + portB + "/tessera/api", mapper);
            awaitHealthy(onB, System.nanoTime() + TimeUnit.MINUTES.toNanos(5));
            // and its party endpoint up, answering the first node's token
            URI probeOnB = URI.create("http://localhost:" + portB + "/tessera/api/v1/parties/" + ids.get(0));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (http.status(probeOnB) != 200 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
            String baseB = "http://localhost:" + portB + "/tessera/api";
            // the token node A issued: node B must accept it (its signing key is in the database)
            Map<String, ClusterRun> two = new LinkedHashMap<>();
            for (Map.Entry<String, Function<SplittableRandom, String>> figure : figures.entrySet()) {
                two.put(figure.getKey(), clusterRun(threads, r -> URI.create((r.nextBoolean() ? base : baseB) + figure.getValue().apply(r))));
                say("Cluster %s, two nodes, %d threads spread over both: %s", figure.getKey(), threads, two.get(figure.getKey()));
            }
            b.stop();
            // one node again, now that the database's caches are as warm as for the two: the better of
            // the two one-node figures is the one the two nodes are compared with
            for (Map.Entry<String, Function<SplittableRandom, String>> figure : figures.entrySet()) {
                ClusterRun again = clusterRun(threads, r -> URI.create(base + figure.getValue().apply(r)));
                say("Cluster %s, one node again, %d threads: %s", figure.getKey(), threads, again);
                ClusterRun before = one.get(figure.getKey());
                ClusterRun best = again.rate() > before.rate() ? again : before;
                ClusterRun spread = two.get(figure.getKey());
                row(fmt("%s on PostgreSQL, one node, %d threads", figure.getKey(), threads),
                        fmt("%,.0f req/s (before), %,.0f req/s (after); p95 %.1f ms", before.rate(), again.rate(), best.p95()),
                        fmt("database %.2f cores busy", best.databaseCores()), Double.NaN, "-", true);
                row(fmt("%s on PostgreSQL, two nodes, %d threads", figure.getKey(), threads),
                        fmt("%,.0f req/s (%d errors); p95 %.1f ms", spread.rate(), spread.errors(), spread.p95()),
                        fmt("%,.0f req/s one node; database %.2f cores busy", best.rate(), spread.databaseCores()), spread.rate() / best.rate(),
                        ">= 1.6 x one node", spread.rate() / best.rate() >= 1.6 && spread.errors() == 0);
            }
        } finally {
            if (b.process().isPresent()) {
                b.stop();
            }
        }
    }

    /** One closed-loop measurement of the cluster phase, with the database's CPU use meanwhile. */
    private record ClusterRun(double rate, double p95, long errors, double databaseCores) {
        @Override
        public String toString() {
            return String.format("%,.0f req/s, p95 %.1f ms, %d errors, database %.2f cores busy", rate, p95, errors, databaseCores);
        }
    }

    private ClusterRun clusterRun(int threads, Function<SplittableRandom, URI> next) throws Exception {
        double cpuBefore = postgres.cpuSeconds();
        long before = System.nanoTime();
        List<Stats> rounds = load(threads, next);
        double cores = (postgres.cpuSeconds() - cpuBefore) / ((System.nanoTime() - before) / 1e9);
        return new ClusterRun(Stats.medianThroughput(rounds), Stats.median(rounds).p95(), rounds.stream().mapToLong(Stats::errors).sum(), cores);
    }

    /** P2 to P5 on the data set the server holds. */
    private void measure(List<String> owners, double firstBoot, long rssBoot) throws Exception {
        // P2: a party by id vs the trivial endpoint, 2 client threads, bearer token
        http.useBearer();
        boolean apiFigures = phases.contains("p2") || phases.contains("p3") || phases.contains("p4") || phases.contains("basic");
        List<Stats> ping = apiFigures ? load(2, r -> http.uri("/v1/bench/ping")) : List.of();
        Stats pingLatency = apiFigures ? Stats.median(ping) : null;
        double pingRate = apiFigures ? Stats.medianThroughput(ping) : Double.NaN;
        List<Stats> byId = List.of();
        if (phases.contains("p2")) {
            List<String> ids = sampleIds(owners);
            say("P2 id pool: %d parties", ids.size());
            byId = load(2, r -> http.uri("/v1/parties/" + ids.get(r.nextInt(ids.size()))));
            double byIdRate = Stats.medianThroughput(byId);
            Stats byIdLatency = Stats.median(byId);
            row("P2 GET /v1/parties/{id}, 2 threads", fmt("%,.0f req/s", byIdRate), fmt("%,.0f req/s trivial endpoint", pingRate),
                    byIdRate / pingRate, ">= 5,000 req/s and >= 0.5 x trivial", byIdRate >= 5000 && byIdRate / pingRate >= 0.5);
            row("P2 latency p50/p95/p99", latency(byIdLatency), "trivial: " + latency(pingLatency),
                    byIdLatency.p99() / pingLatency.p99(), "p99 <= 10 ms", byIdLatency.p99() <= 10);
        }

        // P3: typeahead, 3 to 6 typed characters, one agent typing
        List<Stats> typeahead = List.of();
        if (phases.contains("p3")) {
            List<String> prefixes = prefixes();
            typeahead = load(1, r -> http.uri("/v1/parties?limit=10&q="
                    + URLEncoder.encode(prefixes.get(r.nextInt(prefixes.size())), StandardCharsets.UTF_8)));
            Stats t = Stats.median(typeahead);
            row("P3 typeahead q= (3-6 chars, limit 10)", latency(t), "trivial: " + latency(pingLatency), t.p95() / pingLatency.p95(),
                    "p95 <= 20 ms", t.p95() <= 20);
        }

        // P4: a filtered, sorted page of 50
        List<Stats> filtered = List.of();
        if (phases.contains("p4")) {
            filtered = load(1, r -> http.uri("/v1/parties?classification=CUSTOMER&ownerId="
                    + owners.get(r.nextInt(owners.size())) + "&sort=name&limit=50"));
            Stats f = Stats.median(filtered);
            row("P4 classification+owner, by name, 50", latency(f), "trivial: " + latency(pingLatency), f.p95() / pingLatency.p95(),
                    "p95 <= 50 ms", f.p95() <= 50);
        }

        // the same trivial endpoint with HTTP Basic: what a JAAS login per request costs
        if (phases.contains("basic")) {
            http.useBasic();
            List<Stats> pingBasic = load(2, r -> http.uri("/v1/bench/ping"));
            double pingBasicRate = Stats.medianThroughput(pingBasic);
            row("(info) trivial endpoint with HTTP Basic", fmt("%,.0f req/s, %s", pingBasicRate, latency(Stats.median(pingBasic))),
                    fmt("%,.0f req/s with a bearer token", pingRate), pingBasicRate / pingRate, "-", true);
        }

        if (phases.contains("ui")) {
            ui();
        }
        if (phases.contains("banking")) {
            new BankingBench(http, mapper, dist, seed, Integer.parseInt(options.getOrDefault("banking-accounts", "200000")), rounds,
                    roundSeconds, this::load, this::row, this::stop, this::boot).run();
        }

        // the service module: open requests with running milestones, a creation, a scheduler sweep
        if (phases.contains("service")) {
            http.useBearer();
            int requests = Integer.parseInt(options.getOrDefault("service-requests", "100000"));
            new ServiceBench(http, mapper, this::row, requests, Path.of(options.getOrDefault("raw-dir", "target/raw-derby")).resolveSibling("raw-service"),
                    dist, this::stop, this::boot).run(owners, sampleIds(owners));
        }

        // the insurance pack's figures (InsuranceBench): its import, its renewal run beside raw JDBC, a policy read
        if (phases.contains("insurance")) {
            http.useBearer();
            new InsuranceBench(http, mapper, owners, Path.of(options.getOrDefault("raw-dir", "target/raw-derby")).resolveSibling("raw-insurance"),
                    Long.parseLong(options.getOrDefault("policies", "30000")), Long.parseLong(options.getOrDefault("renewals", "25000")),
                    Long.parseLong(options.getOrDefault("rest-policies", "5000")),
                    options.containsKey("renewal-month") ? java.time.LocalDate.parse(options.get("renewal-month")) : null, dist,
                    this::stop, this::boot).run(this::load, this::row);
        }

        MarketingPhase.Api marketing = phases.contains("marketing")
                ? MarketingPhase.overApi(http, mapper, Integer.parseInt(options.getOrDefault("marketing-samples", "30")),
                        MarketingPhase.scoreBelowFor(parties)) : null;

        long rssLoad = rssMiB();
        stop();
        if (marketing != null) {
            marketing(marketing, Long.parseLong(marketing.owner()));
        }
        if (phases.contains("p5")) {
            double restart = boot();
            long rssRestart = rssMiB();
            stop();
            row("P5 boot to the first 200", fmt("restart %.1f s", restart), fmt("%s %.1f s", bootLabel(), firstBoot),
                    restart / firstBoot, "restart <= 5 s", restart <= 5);
            row("P5 resident memory (RSS)", fmt("%d MiB after boot", rssBoot), fmt("%d MiB after load; %d MiB after restart",
                    rssLoad, rssRestart), (double) rssLoad / rssBoot, "<= 350 MB after boot", rssBoot * 1.048576 <= 350);
        }
        if (ping.stream().anyMatch(s -> s.errors() > 0) || byId.stream().anyMatch(s -> s.errors() > 0)
                || typeahead.stream().anyMatch(s -> s.errors() > 0) || filtered.stream().anyMatch(s -> s.errors() > 0)) {
            say("WARNING: some requests did not answer 200; see the errors column of the rounds above");
        }
        print();
    }

    /** The marketing phase's rows: the API's figures (taken while the server ran) beside the same SQL on its stopped database. */
    private void marketing(MarketingPhase.Api api, long owner) throws Exception {
        MarketingPhase.Raw raw = MarketingPhase.raw(dist.resolve("data/tessera/db"), owner, Integer.parseInt(options.getOrDefault("marketing-samples", "30")),
                MarketingPhase.scoreBelowFor(parties));
        double apiP95 = MarketingPhase.p(api.countMillis(), 0.95);
        double rawP95 = MarketingPhase.p(raw.countMillis(), 0.95);
        say("Marketing segment count: API %d parties, raw %d", api.count(), raw.count());
        row("Marketing segment count (classification + picklist + owner)", fmt("p50 %.1f / p95 %.1f ms, %,d parties",
                MarketingPhase.p(api.countMillis(), 0.5), apiP95, api.count()), fmt("p50 %.1f / p95 %.1f ms raw SQL",
                MarketingPhase.p(raw.countMillis(), 0.5), rawP95), rawP95 / apiP95, "p95 <= 1 s, >= 0.5 x raw",
                apiP95 <= 1000 && rawP95 / apiP95 >= 0.5 && api.count() == raw.count());
        double apiRate = api.added() / api.materializeSeconds();
        double rawRate = raw.inserted() / raw.materializeSeconds();
        row(fmt("Marketing segment into members (%,d)", api.added()), fmt("%.1f s, %,.0f members/s", api.materializeSeconds(), apiRate),
                fmt("%.1f s raw INSERT ... SELECT of %,d", raw.materializeSeconds(), raw.inserted()), apiRate / rawRate,
                "100,000 added <= 10 s", api.materializeSeconds() * 100_000 / Math.max(1, api.added()) <= 10);
    }

    /**
     * The web UI's figures, measured by bench/ui in a real Chromium against this server: Lighthouse scores
     * of the search and 360° pages beside a static page of the same server, the JavaScript the shell ships
     * beside the shared Lit alone, and keystroke-to-rendered typeahead beside the same request from Node.
     */
    private void ui() throws Exception {
        Path out = Path.of(options.getOrDefault("ui-out", "target/ui")).toAbsolutePath();
        Files.createDirectories(out);
        Path prefixFile = out.resolve("prefixes.txt");
        Files.write(prefixFile, prefixes());
        List<String> command = List.of("node", Path.of(options.getOrDefault("ui-dir", "ui")).resolve("ui-bench.mjs").toString(),
                "--base", "http://localhost:" + options.getOrDefault("port", "8181"), "--prefixes", prefixFile.toString(),
                "--out", out.toString(), "--seed", String.valueOf(seed));
        say("UI: %s", String.join(" ", command));
        ProcessBuilder node = new ProcessBuilder(command).inheritIO();
        // the login of the UI, through the environment rather than the command line
        node.environment().put("TESSERA_LOGIN", ADMIN);
        node.environment().put("TESSERA_PASSWORD", adminPassword);
        int exit = node.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("bench/ui failed with exit code " + exit);
        }
        JsonNode ui = mapper.readTree(out.resolve("ui-results.json").toFile());

        JsonNode lighthouse = ui.path("lighthouse");
        for (String formFactor : List.of("desktop", "mobile")) {
            JsonNode pages = lighthouse.path(formFactor);
            if (pages.isMissingNode()) {
                continue;
            }
            // the targets hold for the agent's desktop; the phone emulation (4x slower CPU, slow 4G) is information
            boolean targeted = formFactor.equals("desktop");
            JsonNode baseline = pages.path("baseline");
            for (String page : List.of("search", "party")) {
                JsonNode measured = pages.path(page);
                String pageName = page.equals("search") ? "search page" : "360° page";
                for (String category : List.of("performance", "accessibility")) {
                    double score = measured.path(category).asDouble(Double.NaN);
                    double rawScore = baseline.path(category).asDouble(Double.NaN);
                    String metrics = category.equals("performance") ? fmt(" (LCP %.1f s, TBT %.0f ms)",
                            measured.path("metrics").path("largest-contentful-paint").asDouble() / 1000,
                            measured.path("metrics").path("total-blocking-time").asDouble()) : "";
                    String rawMetrics = category.equals("performance") ? fmt(" (LCP %.1f s)",
                            baseline.path("metrics").path("largest-contentful-paint").asDouble() / 1000) : "";
                    row(fmt("%sUI Lighthouse %s, %s, %s", targeted ? "" : "(info) ", category, pageName, formFactor),
                            fmt("%.0f%s", score, metrics), fmt("%.0f static HTML page%s", rawScore, rawMetrics), score / rawScore,
                            targeted ? ">= 90" : "-", !targeted || score >= 90);
                }
            }
        }

        JsonNode javascript = ui.path("javascript");
        if (!javascript.isMissingNode()) {
            double gzipKiB = javascript.path("gzipBytes").asDouble() / 1024;
            double litKiB = javascript.path("litGzipBytes").asDouble() / 1024;
            row("UI JavaScript of the shell before module UIs (gzip)", fmt("%.1f KiB in %d files (%.1f KiB on the wire)", gzipKiB,
                    javascript.path("files").size(), javascript.path("wireBytes").asDouble() / 1024),
                    fmt("%.1f KiB the shared Lit alone", litKiB), gzipKiB / litKiB, "<= 150 KB", gzipKiB * 1.024 <= 150);
        }

        JsonNode typeahead = ui.path("typeahead");
        if (!typeahead.isMissingNode()) {
            JsonNode shown = typeahead.path("ui");
            JsonNode alone = typeahead.path("raw");
            row(fmt("UI typeahead, keystroke to rendered results (%d samples)", shown.path("count").asInt()),
                    fmt("p50 %.0f / p95 %.0f / p99 %.0f ms", shown.path("p50").asDouble(), shown.path("p95").asDouble(),
                            shown.path("p99").asDouble()),
                    fmt("GET /v1/search alone from Node: p50 %.1f / p95 %.1f / p99 %.1f ms", alone.path("p50").asDouble(),
                            alone.path("p95").asDouble(), alone.path("p99").asDouble()),
                    shown.path("p95").asDouble() / alone.path("p95").asDouble(), "p95 <= 150 ms", shown.path("p95").asDouble() <= 150);
            row("(info) UI typeahead, where the time goes (medians)", fmt("key to request %.0f ms, request %.1f ms, last byte to frame %.1f ms",
                    typeahead.path("keyToRequest").path("p50").asDouble(), typeahead.path("requestInBrowser").path("p50").asDouble(),
                    typeahead.path("responseToFrame").path("p50").asDouble()),
                    fmt("not measured: %d answers whose options never showed, %d with a group late, %d unanswered",
                            typeahead.path("notShown").asInt(), typeahead.path("late").asInt(), typeahead.path("timeouts").asInt()),
                    Double.NaN, "-", true);
        }
    }

    /** The first boot migrates an empty database; with the load phase skipped it is a boot on a kept database. */
    private String bootLabel() {
        return phases.contains("load") ? "first boot" : "boot on the kept database";
    }

    private JsonNode importRange(PartyGenerator generator, long from, long to) throws IOException, InterruptedException {
        HttpResponse<String> response = http.postStream("/v1/parties:import", NDJSON,
                () -> new NdjsonStream(generator, mapper, from, to));
        if (response.statusCode() != 200) {
            throw new IOException("import: " + response.statusCode() + " " + response.body());
        }
        return mapper.readTree(response.body());
    }

    /**
     * Deletes every duplicate rule, so that the import keeps no matching keys: the import's cost
     * with the outbox alone, beside a build without the outbox.
     */
    private void withoutDuplicateRules() throws IOException, InterruptedException {
        for (JsonNode rule : http.getJson("/v1/duplicate-rules").path("items")) {
            HttpResponse<String> deleted = http.delete("/v1/duplicate-rules/" + rule.path("key").asText());
            if (deleted.statusCode() != 204) {
                throw new IOException("DELETE duplicate rule " + rule.path("key").asText() + ": " + deleted.statusCode() + " " + deleted.body());
            }
        }
        say("P1 without duplicate rules: no matching keys are written by the import");
    }

    /** Agents to own the parties, and the two custom fields of the data set; idempotent. */
    private List<String> setUp() throws IOException, InterruptedException {
        Map<String, String> byLogin = new HashMap<>();
        for (JsonNode agent : http.getJson("/v1/agents?limit=200").path("items")) {
            byLogin.put(agent.path("login").asText(), agent.path("id").asText());
        }
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String login = "bench" + i;
            String id = byLogin.get(login);
            if (id == null) {
                HttpResponse<String> created = http.postJson("/v1/agents", Map.of("login", login,
                        "displayName", "Agent " + PartyGenerator.FIRST_NAMES[i], "orgUnitId", "1"));
                id = mapper.readTree(created.body()).path("id").asText();
            }
            owners.add(id);
        }
        http.postJson("/v1/custom-fields", Map.of("entityType", "PARTY", "key", "segment", "type", "PICKLIST",
                "values", List.of(PartyGenerator.SEGMENTS)));
        http.postJson("/v1/custom-fields", Map.of("entityType", "PARTY", "key", "score", "type", "NUMBER"));
        return owners;
    }

    /** Ids of parties that exist, found by probing the id range the import used. */
    private List<String> sampleIds(List<String> owners) throws IOException, InterruptedException {
        JsonNode first = http.getJson("/v1/parties?limit=1");
        long min = first.path("items").path(0).path("id").asLong();
        List<String> ids = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int probe = 0; probe < 4000 && ids.size() < 2000; probe++) {
            long id = min + random.nextLong(Math.max(1, parties + parties / 50));
            if (http.status(http.uri("/v1/parties/" + id)) == 200) {
                ids.add(String.valueOf(id));
            }
        }
        return ids;
    }

    private static List<String> prefixes() {
        List<String> prefixes = new ArrayList<>();
        for (String[] names : List.of(PartyGenerator.FIRST_NAMES, PartyGenerator.LAST_NAMES)) {
            for (String name : names) {
                String lower = name.toLowerCase(Locale.ROOT);
                for (int n = 3; n <= Math.min(6, lower.length()); n++) {
                    prefixes.add(lower.substring(0, n));
                }
            }
        }
        return prefixes;
    }

    /** Closed-loop load: a warm-up, then the rounds; each thread sends its next request when the last one answered. */
    private List<Stats> load(int threads, Function<SplittableRandom, URI> next) throws InterruptedException {
        run(threads, next, warmupSeconds);
        List<Stats> result = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Stats stats = run(threads, next, roundSeconds);
            result.add(stats);
        }
        return result;
    }

    private Stats run(int threads, Function<SplittableRandom, URI> next, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        AtomicLong errors = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed + index * 7919L + System.nanoTime());
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    URI uri = next.apply(random);
                    long before = System.nanoTime();
                    int status;
                    try {
                        status = http.status(uri);
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long took = System.nanoTime() - before;
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = java.util.Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = took;
                }
                latencies[index] = mine;
                counts[index] = n;
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[total];
        int offset = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, offset, counts[t]);
            offset += counts[t];
        }
        Stats stats = Stats.of(all, total, errors.get(), elapsed);
        say("    round: %,.0f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d errors", stats.throughput(), stats.p50(),
                stats.p95(), stats.p99(), stats.errors());
        return stats;
    }

    /** Starts the server and waits for the first 200 of a real API call; seconds. */
    private double boot() throws Exception {
        try {
            http.status(http.uri("/v1/parties?limit=1"));
            throw new IllegalStateException("another server already answers on " + http.uri("/") + ": choose another PORT");
        } catch (IOException expected) {
            // nothing listens on the port: good
        }
        long start = System.nanoTime();
        new ProcessBuilder(dist.resolve("bin/start").toString()).directory(dist.toFile())
                .redirectErrorStream(true).redirectOutput(dist.resolve("bench-start.log").toFile()).start().waitFor();
        URI probe = http.uri("/v1/parties?limit=1");
        long deadline = start + TimeUnit.MINUTES.toNanos(5);
        // the unauthenticated health check first: a login tried before the realm is up would count as a
        // failed password towards the login throttle
        awaitHealthy(deadline);
        http.credentials(ADMIN, adminPassword(deadline));
        while (System.nanoTime() < deadline) {
            try {
                if (http.status(probe) == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new IllegalStateException("no 200 from " + probe + " within 5 minutes");
    }

    private void awaitHealthy(long deadline) throws InterruptedException {
        awaitHealthy(http, deadline);
    }

    private static void awaitHealthy(Http http, long deadline) throws InterruptedException {
        URI health = http.uri("/v1/health");
        while (System.nanoTime() < deadline) {
            try {
                if (http.status(health) == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new IllegalStateException("no 200 from " + health + " within 5 minutes");
    }

    /**
     * The administrator's password, generated by the server at first start (a production start ships no
     * known password; the bench measures a production start, not demo mode). Kept for the ui phase.
     */
    private String adminPassword(long deadline) throws IOException {
        Path file = dist.resolve("etc/tessera-admin.password");
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                adminPassword = Files.readAllLines(file).get(0).trim();
                return adminPassword;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new IllegalStateException("no " + file + " within 5 minutes");
    }

    private void stop() throws Exception {
        Optional<ProcessHandle> karaf = karaf();
        new ProcessBuilder(dist.resolve("bin/stop").toString()).directory(dist.toFile())
                .redirectErrorStream(true).redirectOutput(dist.resolve("bench-stop.log").toFile()).start().waitFor();
        if (karaf.isPresent()) {
            karaf.get().onExit().get(2, TimeUnit.MINUTES);
        }
    }

    private Optional<ProcessHandle> karaf() {
        String marker = "-Dkaraf.base=" + dist;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) && c.contains("org.apache.karaf.main.Main")).orElse(false))
                .findFirst();
    }

    private long rssMiB() throws IOException {
        ProcessHandle karaf = karaf().orElseThrow(() -> new IllegalStateException("Karaf process not found"));
        for (String line : Files.readAllLines(Path.of("/proc/" + karaf.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    private void deployPing() throws Exception {
        Path jar = Path.of(required(options, "ping-jar"));
        Files.copy(jar, dist.resolve("deploy").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        URI ping = http.uri("/v1/bench/ping");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (http.status(ping) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the trivial endpoint did not come up");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private static String machine() throws IOException {
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0))
                .orElse("?");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        return String.format(Locale.ROOT, "%d cores (%s), %s RAM, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                cpu, memory, System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
    }

    private void row(String figure, String measured, String raw, double ratio, String target, boolean met) {
        rows.add(new String[] {figure, measured, raw, String.format(Locale.ROOT, "%.2f", ratio), target, met ? "yes" : "NO"});
        say("%s: %s | %s | ratio %.2f | %s | %s", figure, measured, raw, ratio, target, met ? "met" : "NOT MET");
    }

    private void print() throws IOException {
        StringBuilder table = new StringBuilder("| figure | measured | raw limit | ratio | target | met |\n|---|---|---|---|---|---|\n");
        for (String[] r : rows) {
            table.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        String text = "Run of " + Instant.now() + ", " + String.format(Locale.ROOT, "%,d", parties) + " parties, "
                + machine() + "\n\n" + table;
        say("%n%s", text);
        String report = options.get("report");
        if (report != null) {
            Files.writeString(Path.of(report), text);
        }
    }

    private static String latency(Stats s) {
        return String.format(Locale.ROOT, "p50 %.2f / p95 %.2f / p99 %.2f ms", s.p50(), s.p95(), s.p99());
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

}
