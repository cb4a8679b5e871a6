package org.tessera.crm.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The change-feed phase: one consumer reads {@code GET /v1/changes} from a cursor to the head, in
 * pages of 1,000 (the largest page), as the administrator; changes/s from the first request to the
 * last page. The changes read are those of the load phase when it ran (every imported party's
 * creation), otherwise of {@code --feed-changes} parties imported here first. The feed is read once
 * untimed, until the dispatcher has positioned every change, then timed from the same cursor.
 * Beside it, the raw limit: the same positions of the outbox read with one plain JDBC query, in
 * position order, on the same database with the server stopped.
 */
final class ChangeFeedBench {
    /** Far above the other phases' generator indexes, so that every imported row is new. */
    private static final long FIRST = 90_000_000L;
    private static final int PAGE = 1000;

    private final Http http;
    private final ObjectMapper mapper;
    private final Path dist;
    private final PartyGenerator generator;
    /** Parties to import first; 0 when the load phase's changes are read. */
    private final long toImport;
    private final BankingBench.Row row;
    private final BankingBench.Step stop;
    private final BankingBench.Step boot;

    ChangeFeedBench(Http http, ObjectMapper mapper, Path dist, PartyGenerator generator, long toImport, BankingBench.Row row,
            BankingBench.Step stop, BankingBench.Step boot) {
        this.http = http;
        this.mapper = mapper;
        this.dist = dist;
        this.generator = generator;
        this.toImport = toImport;
        this.row = row;
        this.stop = stop;
        this.boot = boot;
    }

    void run() throws Exception {
        http.useBearer();
        String start = null; // from the oldest change kept: the load phase's
        if (toImport > 0) {
            start = http.getJson("/v1/changes?since=now").path("next").asText();
            HttpResponse<String> imported = http.postStream("/v1/parties:import", "application/x-ndjson",
                    () -> new NdjsonStream(generator, mapper, FIRST, FIRST + toImport));
            if (imported.statusCode() != 200) {
                throw new IOException("import: " + imported.statusCode() + " " + imported.body());
            }
        }
        Read settled = readToHead(start, toImport);
        say("Change feed: %,d changes positioned, %,d to %,d", settled.changes, settled.first, settled.last);
        Read timed = readToHead(start, settled.changes);
        double rate = timed.changes / timed.seconds;
        say("Change feed read: %,d changes in %.1f s (%,.0f changes/s, %d pages)", timed.changes, timed.seconds, rate, timed.pages);

        stop.run();
        String url = ForecastingBench.databaseUrl(dist);
        double[] raw = rawRead(url, timed.first, timed.last);
        shutDown(url);
        boot.run();
        http.useBearer();
        double rawRate = raw[1] / raw[0];
        say("Change feed raw: %,.0f outbox rows read by one JDBC query in %.2f s (%,.0f rows/s)", raw[1], raw[0], rawRate);
        row.add(String.format("Change feed read by one consumer, %,d changes, pages of %,d (GET /v1/changes)", timed.changes, PAGE),
                String.format("%,.0f changes/s (%.1f s)", rate, timed.seconds),
                String.format("%,.0f rows/s: the same outbox rows by one JDBC query, server stopped", rawRate),
                rate / rawRate, ">= 20,000 changes/s per consumer", rate >= 20_000);
    }

    private record Read(long changes, long first, long last, int pages, double seconds) {
    }

    /**
     * Reads pages from {@code since} until a short page (the head) once at least {@code atLeast}
     * changes were read; a short page before that waits for the dispatcher (the feed's long poll).
     */
    private Read readToHead(String since, long atLeast) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long changes = 0;
        long first = -1;
        long last = -1;
        int pages = 0;
        String cursor = since;
        while (true) {
            String query = "/v1/changes?limit=" + PAGE + (cursor == null ? "" : "&since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            boolean behind = changes < atLeast;
            JsonNode page = http.getJson(query + (behind && pages > 0 ? "&wait=5" : ""));
            JsonNode items = page.path("items");
            pages++;
            if (items.size() > 0) {
                if (first < 0) {
                    first = items.get(0).path("position").asLong();
                }
                last = items.get(items.size() - 1).path("position").asLong();
            }
            changes += items.size();
            cursor = page.path("next").asText();
            if (items.size() < PAGE && changes >= atLeast) {
                return new Read(changes, first, last, pages, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** {seconds, rows}: the outbox rows of positions first..last, with the columns the feed reads, to the end. */
    private static double[] rawRead(String url, long first, long last) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(
                "SELECT feed_position, feed_type, topic, action, record_id, record_version, changed_fields, user_login, created_at"
                        + " FROM event_outbox WHERE feed_position >= ? AND feed_position <= ? ORDER BY feed_position")) {
            s.setFetchSize(PAGE);
            s.setLong(1, first);
            s.setLong(2, last);
            long start = System.nanoTime();
            long rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    rs.getString(2);
                    rs.getString(3);
                    rs.getString(5);
                    rs.getString(7);
                    rs.getTimestamp(9);
                }
            }
            return new double[] {(System.nanoTime() - start) / 1e9, rows};
        }
    }

    private static void shutDown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true");
        } catch (SQLException closed) {
            // Derby answers a shutdown with an exception by design (08006)
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
