package org.tessera.crm.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The duplicate-scan phase: {@code parties} generated parties and, for one in a hundred of them, a
 * twin (the same person or organization under another external id), written with JDBC into the
 * stopped server's database; the matching keys marked stale, as after a bulk load, so the server
 * rebuilds them. Then two scans over HTTP ({@code POST /v1/duplicate-scans}, polled until done):
 * the first waits for the keys' rebuild, the second is the scan alone. Beside it, the raw limit of
 * the blocking: the pairs of parties sharing a matching key, read with one plain SQL self-join on
 * the same database with the server stopped (no scoring, no sets).
 */
final class DuplicateScanBench {
    private static final long FIRST_ID = 60_000_000L;
    private static final long FIRST_MECHANISM_ID = 64_000_000L;
    private static final long FIRST_TWIN_ID = 70_000_000L;
    private static final long FIRST_TWIN_MECHANISM_ID = 72_000_000L;

    private final Http http;
    private final Path dist;
    private final long seed;
    private final long parties;
    private final List<String> owners;
    private final BankingBench.Row row;
    private final BankingBench.Step stop;
    private final BankingBench.Step boot;

    DuplicateScanBench(Http http, Path dist, long seed, long parties, List<String> owners, BankingBench.Row row,
            BankingBench.Step stop, BankingBench.Step boot) {
        this.http = http;
        this.dist = dist;
        this.seed = seed;
        this.parties = parties;
        this.owners = owners;
        this.row = row;
        this.stop = stop;
        this.boot = boot;
    }

    void run() throws Exception {
        stop.run();
        long twins = Math.max(1, parties / 100);
        try (TestDatabase db = TestDatabase.derby(dist.resolve("data/tessera/db"))) {
            PartyGenerator generator = new PartyGenerator(seed, owners, "1");
            long nanos = RawJdbcLoader.insert(db.dataSource(), generator, parties, 500, FIRST_ID, FIRST_MECHANISM_ID);
            nanos += RawJdbcLoader.insert(db.dataSource(), generator.twins("SCAN-TWIN-"), twins, 500, FIRST_TWIN_ID, FIRST_TWIN_MECHANISM_ID);
            markKeysStale(db);
            say("Duplicate scan: %,d parties and %,d twins written with JDBC in %.1f s; matching keys marked stale",
                    parties, twins, nanos / 1e9);
        }
        boot.run();
        http.useBearer();
        Scan first = scan();
        Scan second = scan();
        stop.run();
        String url = ForecastingBench.databaseUrl(dist);
        double[] raw = rawBlocking(url);
        shutDown(url);
        boot.run();
        http.useBearer();

        say("Duplicate scan raw: %,.0f pairs sharing a key read by one SQL self-join in %.1f s", raw[1], raw[0]);
        row.add(fmt("Duplicate scan of %,d parties (%,d planted twins, %,d of them persons or organizations) after a bulk load,"
                + " keys rebuilt first", first.parties, twins, findableTwins(twins)),
                fmt("%.1f s; %s", first.seconds, first.counts()), "-", 0, "-", true);
        row.add(fmt("Duplicate scan of %,d parties (POST /v1/duplicate-scans to DONE)", second.parties),
                fmt("%.1f s; %s", second.seconds, second.counts()),
                fmt("%.1f s: SQL self-join of the matching keys (%,.0f pairs), no scoring", raw[0], raw[1]),
                second.seconds / raw[0], "1,000,000 parties in <= 10 min", second.seconds <= 600.0 * second.parties / 1_000_000.0
                        && second.sets >= findableTwins(twins));
    }

    /**
     * The twins the rules can find: persons and organizations. A household (one party in twenty of
     * the generator) has only a postal address and no matching key of its own.
     */
    private static long findableTwins(long twins) {
        return LongStream.range(0, twins).filter(i -> !PartyGenerator.isHousehold(i)).count();
    }

    private record Scan(double seconds, long parties, long keys, long candidates, long poorKeys, long matched, long sets) {
        String counts() {
            return String.format("%,d keys, %,d candidate pairs, %,d poor keys, %,d matched pairs, %,d sets", keys, candidates,
                    poorKeys, matched, sets);
        }
    }

    private Scan scan() throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> started = http.postJson("/v1/duplicate-scans", Map.of());
        if (started.statusCode() != 202) {
            throw new IOException("POST /v1/duplicate-scans: " + started.statusCode() + " " + started.body());
        }
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body()).path("id").asText();
        while (true) {
            JsonNode scan = http.getJson("/v1/duplicate-scans/" + id);
            String state = scan.path("state").asText();
            if (state.equals("DONE")) {
                double seconds = (System.nanoTime() - start) / 1e9;
                Scan result = new Scan(seconds, scan.path("partiesScanned").asLong(), scan.path("keysRead").asLong(),
                        scan.path("candidatePairs").asLong(), scan.path("poorKeys").asLong(), scan.path("matchedPairs").asLong(),
                        scan.path("sets").asLong());
                say("Duplicate scan %s: %.1f s; %s", id, seconds, result.counts());
                return result;
            }
            if (state.equals("FAILED")) {
                throw new IOException("duplicate scan " + id + " failed: " + scan.path("error").asText());
            }
            TimeUnit.MILLISECONDS.sleep(500); // polling a remote job: nothing to wait on but its state
        }
    }

    /** As after a bulk load by another path: the server rebuilds every party's keys at its next start. */
    private static void markKeysStale(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE duplicate_key_state SET signature = '' WHERE id = 1");
        }
    }

    /** {seconds, pairs}: every pair of parties sharing a matching key, by one self-join, read to the end. */
    private static double[] rawBlocking(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(
                "SELECT a.party_id, b.party_id FROM party_match_key a JOIN party_match_key b"
                        + " ON b.match_key = a.match_key AND b.party_id > a.party_id")) {
            s.setFetchSize(1000);
            long start = System.nanoTime();
            long pairs = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pairs += rs.getLong(1) > 0 ? 1 : 0;
                }
            }
            return new double[] {(System.nanoTime() - start) / 1e9, pairs};
        }
    }

    private static void shutDown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true");
        } catch (SQLException closed) {
            // Derby answers a shutdown with an exception by design (08006)
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(format, args);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
