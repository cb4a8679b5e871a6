package org.tessera.crm.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The service phase: {@code requests} open requests with running milestones, created over REST (each
 * numbered, routed by an assignment rule into a round-robin queue and its SLA started), then
 * <ul>
 * <li>the latency of one more such creation, one client, beside the same writes in raw JDBC (the
 * type's counter, the rules read, the queue's turn, the request, its history row, its two clocks, in
 * one transaction) on a fresh Derby migrated by the same changelogs;</li>
 * <li>one scheduler sweep ({@code POST /v1/service/sla/sweep}) when nothing is due, and when the first
 * 1% of the requests have their first deadline due (the engine's test clock moved forward), beside
 * the same reads and guarded claims in raw JDBC on the same number of clocks.</li>
 * </ul>
 * The server runs with {@code testClockEnabled=true} (bench/run.sh writes it) and a sweep period of an
 * hour, so no background sweep runs during the measures.
 */
final class ServiceBench {
    /** Rows of the report: figure, measured, raw, ratio, target, met. */
    interface Rows {
        void row(String figure, String measured, String raw, double ratio, String target, boolean met);
    }

    private static final String SERVICE_CHANGELOG = "org/tessera/crm/service/impl/db/changelog.xml";
    private static final int RESPONSE_MINUTES = 60;

    private final Http http;
    private final ObjectMapper mapper;
    private final Rows rows;
    private final int requests;
    private final Path rawDir;

    ServiceBench(Http http, ObjectMapper mapper, Rows rows, int requests, Path rawDir) {
        this.http = http;
        this.mapper = mapper;
        this.rows = rows;
        this.requests = requests;
        this.rawDir = rawDir;
    }

    void run(List<String> owners, List<String> partyIds) throws Exception {
        setUp(owners);
        // the load: every request's first response is due 60 minutes after its creation
        Instant loadStart = Instant.now();
        AtomicLong failed = new AtomicLong();
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    HttpResponse<String> created = http.postJson("/v1/service/requests", request(partyIds.get((int) (i % partyIds.size())), i));
                    if (created.statusCode() != 201) {
                        if (failed.incrementAndGet() < 3) {
                            say("  creation refused: %d %s", created.statusCode(), created.body());
                        }
                    }
                    if (i > 0 && i % 10_000 == 0) {
                        say("  %,d requests created (%.0f/s)", i, i / secondsSince(loadStart));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        Instant loadEnd = Instant.now();
        double loadSeconds = Duration.between(loadStart, loadEnd).toMillis() / 1000.0;
        say("Service: %,d open requests created over REST in %.0f s (%.0f/s, 2 clients), %d refused", requests, loadSeconds,
                requests / loadSeconds, failed.get());

        // one more creation at a time, measured
        int samples = 500;
        long[] latencies = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            HttpResponse<String> created = http.postJson("/v1/service/requests", request(partyIds.get(i % partyIds.size()), requests + i));
            latencies[i] = System.nanoTime() - start;
            if (created.statusCode() != 201) {
                throw new IllegalStateException("creation refused: " + created.body());
            }
        }
        Stats create = Stats.of(latencies, samples, 0, 0);
        Stats rawCreate = rawCreate(samples);
        rows.row(String.format("Service: create a request (rule, round robin, SLA start), %,d open", requests),
                latency(create), "raw JDBC, same writes: " + latency(rawCreate), create.p95() / rawCreate.p95(), "p95 <= 25 ms",
                create.p95() <= 25);

        // a sweep with nothing due, then one with the first 1% of the requests due
        clock(0);
        double idleSweep = sweep().path("millis").asDouble();
        long elapsedSinceStart = Duration.between(loadStart, Instant.now()).toMinutes();
        double onePercentMillis = (loadEnd.toEpochMilli() - loadStart.toEpochMilli()) * 0.01;
        // due when created + 60 min <= now + offset, i.e. created <= loadStart + 1% of the load
        long offsetMinutes = RESPONSE_MINUTES - elapsedSinceStart + (long) Math.ceil(onePercentMillis / 60_000.0);
        clock(Math.max(0, offsetMinutes));
        JsonNode busy = sweep();
        int fired = busy.path("fired").asInt();
        double busyMillis = busy.path("millis").asDouble();
        clock(0);
        double[] raw = rawSweep(requests, Math.max(1, fired));
        rows.row(String.format("Service: scheduler sweep, %,d running milestones, none due", requests * 2),
                String.format("%.0f ms", idleSweep), String.format("raw SELECT: %.1f ms", raw[0]), idleSweep / Math.max(0.1, raw[0]),
                "<= 1 s", idleSweep <= 1000);
        rows.row(String.format("Service: scheduler sweep firing %,d due milestones", fired), String.format("%.0f ms", busyMillis),
                String.format("raw SELECT + guarded UPDATEs: %.0f ms", raw[1]), busyMillis / Math.max(0.1, raw[1]), "<= 1 s",
                busyMillis <= 1000);
    }

    private void setUp(List<String> owners) throws Exception {
        put("/v1/service/sla/calendars/BENCH", "{\"zone\":\"Europe/Paris\",\"hours\":{\"MONDAY\":[\"00:00-24:00\"],"
                + "\"TUESDAY\":[\"00:00-24:00\"],\"WEDNESDAY\":[\"00:00-24:00\"],\"THURSDAY\":[\"00:00-24:00\"],\"FRIDAY\":[\"00:00-24:00\"],"
                + "\"SATURDAY\":[\"00:00-24:00\"],\"SUNDAY\":[\"00:00-24:00\"]}}");
        put("/v1/service/sla/policies/BENCH", "{\"subjectType\":\"SERVICE_REQUEST\",\"calendar\":\"BENCH\",\"milestones\":["
                + "{\"code\":\"FIRST_RESPONSE\",\"targetMinutes\":" + RESPONSE_MINUTES + ",\"completeOnActivityType\":\"CALL\"},"
                + "{\"code\":\"RESOLUTION\",\"targetMinutes\":2880,\"warnBeforeMinutes\":240,\"completeOnStatuses\":[\"RESOLVED\"]}]}");
        put("/v1/service/queues/BENCH", mapper.writeValueAsString(Map.of("name", "Bench", "distribution", "ROUND_ROBIN",
                "members", owners.subList(0, Math.min(5, owners.size())))));
        put("/v1/service/assignment-rules", "[{\"name\":\"bench\",\"conditions\":{\"origin\":\"PHONE\"},\"queueCode\":\"BENCH\"}]");
    }

    private Map<String, Object> request(String partyId, long i) {
        return Map.of("partyId", partyId, "summary", "Bench request " + i, "origin", "PHONE", "priority", "MEDIUM");
    }

    private void put(String path, String json) throws Exception {
        HttpResponse<String> response = http.putJson(path, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    private void clock(long offsetMinutes) throws Exception {
        put("/v1/service/sla/clock", "{\"offsetMinutes\":" + offsetMinutes + "}");
    }

    private JsonNode sweep() throws Exception {
        HttpResponse<String> response = http.postJson("/v1/service/sla/sweep", Map.of());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sweep: " + response.statusCode() + " " + response.body());
        }
        return mapper.readTree(response.body());
    }

    /** The writes of one creation in raw JDBC, {@code samples} times, on a fresh database with the same schema. */
    private Stats rawCreate(int samples) throws Exception {
        RawJdbcLoader.delete(rawDir);
        try (TestDatabase db = TestDatabase.derby(rawDir.resolve("service"))) {
            db.migrate("service", SERVICE_CHANGELOG);
            DataSource ds = db.dataSource();
            try (Connection c = ds.getConnection()) {
                c.createStatement().executeUpdate("INSERT INTO service_queue (id, version, code, name, distribution) VALUES (1, 1, 'Q', 'Q', 'ROUND_ROBIN')");
                c.createStatement().executeUpdate("INSERT INTO service_setting (setting_key, kind, version, body) VALUES ('rules:all', 'rules', 1,"
                        + " '[{\"conditions\":{\"origin\":\"PHONE\"},\"queueCode\":\"Q\"}]')");
                c.createStatement().executeUpdate("INSERT INTO sla_policy (id, code, policy_version, is_current, subject_type, position, body)"
                        + " VALUES (1, 'P', 1, true, 'SERVICE_REQUEST', 0, '{}')");
            }
            long[] latencies = new long[samples];
            for (int i = 0; i < samples + 50; i++) {
                long start = System.nanoTime();
                createRaw(ds, 10_000 + i);
                if (i >= 50) {
                    latencies[i - 50] = System.nanoTime() - start;
                }
            }
            return Stats.of(latencies, samples, 0, 0);
        }
    }

    private static void createRaw(DataSource ds, long id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement counter = c.prepareStatement("UPDATE service_request_type SET next_number = next_number + 1 WHERE code = ?");
                 PreparedStatement number = c.prepareStatement("SELECT prefix, width, next_number FROM service_request_type WHERE code = ?");
                 PreparedStatement rules = c.prepareStatement("SELECT body FROM service_setting WHERE setting_key = 'rules:all'");
                 PreparedStatement policies = c.prepareStatement("SELECT id, body FROM sla_policy WHERE is_current = true");
                 PreparedStatement queue = c.prepareStatement("SELECT id, last_agent_id FROM service_queue WHERE code = 'Q'");
                 PreparedStatement turn = c.prepareStatement("UPDATE service_queue SET last_agent_id = ? WHERE id = 1");
                 PreparedStatement request = c.prepareStatement("INSERT INTO service_request (id, version, number, type_code, summary, party_id,"
                         + " origin, priority, status, status_category, owner_id, queue_id, created_at, updated_at)"
                         + " VALUES (?, 1, ?, 'INCIDENT', 'Raw', 1, 'PHONE', 'MEDIUM', 'NEW', 'NEW', 7, 1, ?, ?)");
                 PreparedStatement history = c.prepareStatement("INSERT INTO service_request_history (id, request_id, changed_at, actor, field, new_value)"
                         + " VALUES (?, ?, ?, 'bench', 'status', 'NEW')");
                 PreparedStatement clock = c.prepareStatement("INSERT INTO sla_clock (id, version, subject_type, subject_id, subject_link, party_id,"
                         + " policy_id, milestone, cycle, state, phase, started_at, target_at, next_deadline, stopped_ms, violated, warned)"
                         + " VALUES (?, 1, 'SERVICE_REQUEST', ?, ?, 1, 1, ?, 1, 'RUNNING', 'NONE', ?, ?, ?, 0, false, false)")) {
                counter.setString(1, "INCIDENT");
                counter.executeUpdate();
                number.setString(1, "INCIDENT");
                read(number);
                read(rules);
                read(policies);
                read(queue);
                turn.setLong(1, 7);
                turn.executeUpdate();
                Timestamp now = Timestamp.from(Instant.now());
                request.setLong(1, id);
                request.setString(2, "SR-" + id);
                request.setTimestamp(3, now);
                request.setTimestamp(4, now);
                request.executeUpdate();
                history.setLong(1, id);
                history.setLong(2, id);
                history.setTimestamp(3, now);
                history.executeUpdate();
                for (int m = 0; m < 2; m++) {
                    Timestamp due = Timestamp.from(Instant.now().plus(Duration.ofMinutes(m == 0 ? 60 : 2880)));
                    clock.setLong(1, id * 2 + m);
                    clock.setLong(2, id);
                    clock.setString(3, "service:request:" + id);
                    clock.setString(4, m == 0 ? "FIRST_RESPONSE" : "RESOLUTION");
                    clock.setTimestamp(5, now);
                    clock.setTimestamp(6, due);
                    clock.setTimestamp(7, due);
                    clock.executeUpdate();
                }
            }
            c.commit();
        }
    }

    /**
     * The scheduler's reads and claims in raw JDBC: {@code clocks} running clocks, of which {@code due} are due;
     * returns the milliseconds of a SELECT of the due ones when none is due, and of the SELECT plus one
     * guarded UPDATE per due clock (one transaction each, as the engine claims).
     */
    private double[] rawSweep(int requests, int due) throws Exception {
        RawJdbcLoader.delete(rawDir);
        try (TestDatabase db = TestDatabase.derby(rawDir.resolve("sweep"))) {
            db.migrate("service", SERVICE_CHANGELOG);
            DataSource ds = db.dataSource();
            Instant now = Instant.now();
            try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO sla_clock (id, version,"
                    + " subject_type, subject_id, subject_link, policy_id, milestone, cycle, state, phase, started_at, target_at,"
                    + " next_deadline, stopped_ms, violated, warned) VALUES (?, 1, 'SERVICE_REQUEST', ?, ?, 1, ?, 1, 'RUNNING', 'NONE', ?, ?, ?, 0,"
                    + " false, false)")) {
                c.setAutoCommit(false);
                for (long i = 0; i < requests * 2L; i++) {
                    // the first `due` clocks are past their deadline, the others in the future
                    Timestamp deadline = Timestamp.from(i < due ? now.minusSeconds(60) : now.plus(Duration.ofMinutes(60 + i % 3000)));
                    insert.setLong(1, i + 1);
                    insert.setLong(2, i / 2 + 1);
                    insert.setString(3, "service:request:" + (i / 2 + 1));
                    insert.setString(4, i % 2 == 0 ? "FIRST_RESPONSE" : "RESOLUTION");
                    insert.setTimestamp(5, Timestamp.from(now.minusSeconds(3600)));
                    insert.setTimestamp(6, deadline);
                    insert.setTimestamp(7, deadline);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            double select = timeSelect(ds, now.minus(Duration.ofHours(1)));
            long start = System.nanoTime();
            List<Long> ids = dueIds(ds, now);
            for (long id : ids) {
                try (Connection c = ds.getConnection(); PreparedStatement claim = c.prepareStatement("UPDATE sla_clock SET phase = 'VIOLATED',"
                        + " next_deadline = NULL, version = version + 1 WHERE id = ? AND version = 1 AND state = 'RUNNING'")) {
                    c.setAutoCommit(false);
                    claim.setLong(1, id);
                    claim.executeUpdate();
                    c.commit();
                }
            }
            return new double[] {select, (System.nanoTime() - start) / 1e6};
        }
    }

    private static double timeSelect(DataSource ds, Instant at) throws SQLException {
        long start = System.nanoTime();
        dueIds(ds, at);
        return (System.nanoTime() - start) / 1e6;
    }

    private static List<Long> dueIds(DataSource ds, Instant at) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT id FROM sla_clock WHERE state = 'RUNNING' AND next_deadline <= ? ORDER BY id")) {
            select.setTimestamp(1, Timestamp.from(at));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void read(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    private static double secondsSince(Instant start) {
        return Math.max(0.001, Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private static String latency(Stats s) {
        return String.format(java.util.Locale.ROOT, "p50 %.2f / p95 %.2f / p99 %.2f ms", s.p50(), s.p95(), s.p99());
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(java.util.Locale.ROOT, format, args));
        System.out.flush();
    }
}
