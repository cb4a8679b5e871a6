package org.tessera.crm.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * The service phase: {@code requests} open requests with running milestones. The first 1,000 are
 * created over REST (each numbered, routed by an assignment rule into a round-robin queue, its SLA
 * started); the others are written by JDBC batches while the server is stopped (the rows a creation
 * writes: request, history row, two clocks), so that the 100,000 take minutes, not hours of a
 * shared machine. Then, on the rebooted server:
 * <ul>
 * <li>the latency of one more creation, one client, beside the same writes in raw JDBC (the type's
 * counter, the rules read, the queue's turn, the request, its history row, its two clocks, in one
 * transaction) on a Derby migrated by the same changelogs and holding as many requests and clocks;</li>
 * <li>one scheduler sweep ({@code POST /v1/service/sla/sweep}) when nothing is due; one when the first
 * responses of 1% of the requests are due; one when those of 5.5% more are due at once (the engine's
 * test clock moved forward); beside the same reads and guarded batch claims in raw JDBC on the same
 * number of requests and clocks.</li>
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

    /** Clocks claimed per transaction: the service module's default {@code batchSize}, which the raw claims follow. */
    static final int CLAIM_BATCH = 500;
    /** Requests created over REST before the others are written by JDBC. */
    private static final int REST_REQUESTS = 1000;
    /** Ids of the requests and clocks written by JDBC: far above what the sequences will hand out. */
    private static final long BULK_IDS = 1_000_000_000_000L;

    private final Http http;
    private final ObjectMapper mapper;
    private final Rows rows;
    private final int requests;
    private final Path rawDir;
    private final Path dist;
    private final BankingBench.Step stop;
    private final BankingBench.Step boot;

    ServiceBench(Http http, ObjectMapper mapper, Rows rows, int requests, Path rawDir, Path dist, BankingBench.Step stop, BankingBench.Step boot) {
        this.http = http;
        this.mapper = mapper;
        this.rows = rows;
        this.requests = requests;
        this.rawDir = rawDir;
        this.dist = dist;
        this.stop = stop;
        this.boot = boot;
    }

    void run(List<String> owners, List<String> partyIds) throws Exception {
        setUp(owners);
        // the first requests over REST, as a client opens them (numbered, routed, SLA started)
        int overRest = Math.min(requests, REST_REQUESTS);
        Instant restStart = Instant.now();
        AtomicLong failed = new AtomicLong();
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < overRest; i = next.getAndIncrement()) {
                    HttpResponse<String> created = http.postJson("/v1/service/requests", request(partyIds.get((int) (i % partyIds.size())), i));
                    if (created.statusCode() != 201 && failed.incrementAndGet() < 3) {
                        say("  creation refused: %d %s", created.statusCode(), created.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double restSeconds = secondsSince(restStart);
        say("Service: %,d open requests created over REST in %.0f s (%.0f/s, 2 clients), %d refused", overRest, restSeconds,
                overRest / restSeconds, failed.get());

        // the others written by JDBC batches while the server is stopped: the rows a creation writes (the
        // request, its history row, its two clocks), with deadlines placed so that each sweep below fires
        // a known set: the first responses of 1% of the requests fall due at T + 30 min, those of the next
        // 5.5% at T + 45 min, the others from T + 3 h over two days (T: the load)
        Instant loadTime = Instant.now();
        int due = requests / 100;
        int burst = requests * 55 / 1000;
        if (requests > overRest) {
            stop.run();
            String url = "jdbc:derby:" + dist.resolve("data/tessera/db");
            try (Connection c = DriverManager.getConnection(url)) {
                long start = System.nanoTime();
                loadBulk(c, overRest, requests, partyIds, loadTime, due, burst);
                say("Service: %,d more open requests with their clocks written with JDBC batches in %.0f s", requests - overRest,
                        (System.nanoTime() - start) / 1e9);
                updateStatistics(c);
            }
            shutDown(url);
            boot.run();
            http.useBearer();
        }

        // one more creation at a time, measured after 100 unmeasured ones (the server was just booted: the
        // service application joins after the core's, so the first creations wait until it serves)
        int samples = 500;
        long serving = System.nanoTime() + 180_000_000_000L;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> warm = http.postJson("/v1/service/requests", request(partyIds.get(i % partyIds.size()), requests + samples + i));
            if (warm.statusCode() != 201) {
                if (System.nanoTime() > serving) {
                    throw new IllegalStateException("the service module does not serve after the reboot: " + warm.statusCode() + " " + warm.body());
                }
                Thread.sleep(500);
                i--;
            }
        }
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

        // a sweep with nothing due; then the 1% (what a sweep meets after a busy spell); then the 5.5% burst
        clock(0);
        double idleSweep = sweep().path("millis").asDouble();
        if (Instant.now().isAfter(loadTime.plus(Duration.ofMinutes(30)))) {
            say("WARNING: the idle sweep ran after the first deadlines: the sweeps below fire more than planned");
        }
        JsonNode onePercent = sweepAt(loadTime.plus(Duration.ofMinutes(31)));
        JsonNode large = sweepAt(loadTime.plus(Duration.ofMinutes(46)));
        clock(0);
        int firedOne = onePercent.path("fired").asInt();
        int firedBurst = large.path("fired").asInt();
        say("Service: sweeps fired %,d (planned %,d) and %,d (planned %,d)", firedOne, due, firedBurst, burst);

        Stats rawCreate = rawCreate(samples, requests);
        rows.row(String.format("Service: create a request (rule, round robin, SLA start), %,d open", requests),
                latency(create), "raw JDBC, same writes: " + latency(rawCreate), create.p95() / rawCreate.p95(), "p95 <= 25 ms",
                create.p95() <= 25);
        double[] raw = rawSweep(requests, Math.max(1, firedOne), Math.max(1, firedBurst));
        rows.row(String.format("Service: scheduler sweep, %,d running milestones, none due", requests * 2),
                String.format("%.0f ms", idleSweep), String.format("raw SELECT: %.1f ms", raw[0]), idleSweep / Math.max(0.1, raw[0]),
                "<= 1 s", idleSweep <= 1000);
        for (int i = 0; i < 2; i++) {
            int fired = i == 0 ? firedOne : firedBurst;
            double millis = (i == 0 ? onePercent : large).path("millis").asDouble();
            rows.row(String.format("Service: scheduler sweep firing %,d due milestones (%s)", fired, i == 0 ? "1% of the requests" : "a burst"),
                    String.format("%.0f ms", millis),
                    String.format("raw SELECT + guarded set-based UPDATEs, %,d a transaction: %.0f ms", CLAIM_BATCH, raw[i + 1]),
                    millis / Math.max(0.1, raw[i + 1]), "<= 1 s", millis <= 1000);
        }
    }

    /** Moves the engine's clock (whole minutes) to at least {@code at}, and sweeps. */
    private JsonNode sweepAt(Instant at) throws Exception {
        long offset = Math.max(0, (long) Math.ceil(Duration.between(Instant.now(), at).toMillis() / 60_000.0));
        clock(offset);
        return sweep();
    }

    /**
     * Requests {@code from} to {@code to} - 1 as the server writes a creation, in JDBC batches, with ids
     * above the sequences' range: the policy and queue are those set up over REST, the owners the queue's.
     */
    private static void loadBulk(Connection c, int from, int to, List<String> partyIds, Instant t, int due, int burst) throws SQLException {
        long policyId;
        long queueId;
        List<Long> members = new ArrayList<>();
        try (java.sql.Statement q = c.createStatement()) {
            policyId = single(q, "SELECT id FROM sla_policy WHERE code = 'BENCH' AND is_current = true");
            queueId = single(q, "SELECT id FROM service_queue WHERE code = 'BENCH'");
            try (ResultSet rs = q.executeQuery("SELECT DISTINCT owner_id FROM service_request WHERE queue_id = " + queueId + " ORDER BY owner_id")) {
                while (rs.next()) {
                    members.add(rs.getLong(1));
                }
            }
        }
        if (members.isEmpty()) {
            throw new IllegalStateException("no request was routed to the bench queue over REST");
        }
        c.setAutoCommit(false);
        try (PreparedStatement request = c.prepareStatement("INSERT INTO service_request (id, version, number, type_code, summary, party_id,"
                + " origin, priority, status, status_category, owner_id, queue_id, created_at, updated_at)"
                + " VALUES (?, 1, ?, 'INCIDENT', ?, ?, 'PHONE', 'MEDIUM', 'NEW', 'NEW', ?, ?, ?, ?)");
             PreparedStatement history = c.prepareStatement("INSERT INTO service_request_history (id, request_id, changed_at, actor, field,"
                     + " new_value) VALUES (?, ?, ?, 'bench', 'status', 'NEW')");
             PreparedStatement clock = c.prepareStatement("INSERT INTO sla_clock (id, version, subject_type, subject_id, subject_link, party_id,"
                     + " policy_id, milestone, cycle, state, phase, started_at, target_at, warn_at, next_deadline, stopped_ms, violated, warned)"
                     + " VALUES (?, 1, 'SERVICE_REQUEST', ?, ?, ?, ?, ?, 1, 'RUNNING', 'NONE', ?, ?, ?, ?, 0, false, false)")) {
            for (int i = from; i < to; i++) {
                int k = i - from;
                long id = BULK_IDS + i;
                long party = Long.parseLong(partyIds.get(i % partyIds.size()));
                Instant response = k < due ? t.plus(Duration.ofMinutes(30)) : k < due + burst ? t.plus(Duration.ofMinutes(45))
                        : t.plus(Duration.ofMinutes(180 + k % 2880));
                Instant created = response.minus(Duration.ofMinutes(RESPONSE_MINUTES));
                request.setLong(1, id);
                request.setString(2, "BULK-" + i);
                request.setString(3, "Bench request " + i);
                request.setLong(4, party);
                request.setLong(5, members.get(i % members.size()));
                request.setLong(6, queueId);
                request.setTimestamp(7, Timestamp.from(created));
                request.setTimestamp(8, Timestamp.from(created));
                request.addBatch();
                history.setLong(1, id);
                history.setLong(2, id);
                history.setTimestamp(3, Timestamp.from(created));
                history.addBatch();
                for (int m = 0; m < 2; m++) {
                    Instant target = m == 0 ? response : created.plus(Duration.ofMinutes(2880));
                    Instant warn = m == 0 ? null : created.plus(Duration.ofMinutes(2880 - 240));
                    clock.setLong(1, BULK_IDS + 2L * i + m);
                    clock.setLong(2, id);
                    clock.setString(3, "service:request:" + id);
                    clock.setLong(4, party);
                    clock.setLong(5, policyId);
                    clock.setString(6, m == 0 ? "FIRST_RESPONSE" : "RESOLUTION");
                    clock.setTimestamp(7, Timestamp.from(created));
                    clock.setTimestamp(8, Timestamp.from(target));
                    clock.setTimestamp(9, warn == null ? null : Timestamp.from(warn));
                    clock.setTimestamp(10, Timestamp.from(warn == null ? target : warn));
                    clock.addBatch();
                }
                if (k % 1000 == 999) {
                    request.executeBatch();
                    history.executeBatch();
                    clock.executeBatch();
                    c.commit();
                }
            }
            request.executeBatch();
            history.executeBatch();
            clock.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static long single(java.sql.Statement q, String sql) throws SQLException {
        try (ResultSet rs = q.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("nothing for " + sql);
            }
            return rs.getLong(1);
        }
    }

    /** As after any bulk load (the Derby counterpart of an ANALYZE): the statistics of the loaded tables' indexes. */
    private static void updateStatistics(Connection c) throws SQLException {
        for (String table : List.of("SERVICE_REQUEST", "SERVICE_REQUEST_HISTORY", "SLA_CLOCK")) {
            try (java.sql.CallableStatement stats = c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', ?, NULL)")) {
                stats.setString(1, table);
                stats.execute();
            }
        }
    }

    private static void shutDown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby answers a database shutdown with SQLState 08006
        }
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

    /**
     * The writes of one creation in raw JDBC, {@code samples} times, on a database with the same schema
     * that already holds {@code open} requests with two running clocks each (batch-loaded first), as the
     * server's does.
     */
    private Stats rawCreate(int samples, int open) throws Exception {
        RawJdbcLoader.delete(rawDir);
        try (TestDatabase db = TestDatabase.derby(rawDir.resolve("service"))) {
            db.migrate("service", SERVICE_CHANGELOG);
            DataSource ds = db.dataSource();
            loadRaw(ds, open, 0, 0, Instant.now());
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
                createRaw(ds, 10L * open + 10_000 + i);
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
     * The scheduler's reads and claims in raw JDBC: {@code requests} requests with two running clocks
     * each, of which {@code due} clocks are due; returns the milliseconds of a SELECT of the due ones
     * when none is due, and of the claim of the due ones as the engine does it: a batch of {@link #CLAIM_BATCH} read by
     * the deadline index and claimed by one guarded UPDATE ... WHERE id IN (...), one transaction each.
     */
    private double[] rawSweep(int requests, int due, int burst) throws Exception {
        RawJdbcLoader.delete(rawDir);
        try (TestDatabase db = TestDatabase.derby(rawDir.resolve("sweep"))) {
            db.migrate("service", SERVICE_CHANGELOG);
            DataSource ds = db.dataSource();
            Instant now = Instant.now();
            loadRaw(ds, requests, due, burst, now);
            double select = timeSelect(ds, now.minus(Duration.ofHours(1)));
            // the first `due` clocks are due at now - 90 s, the next `burst` ones at now
            return new double[] {select, rawClaims(ds, now.minusSeconds(90)), rawClaims(ds, now)};
        }
    }

    /** The claim of every clock due at {@code now}, as the engine does it; returns its milliseconds. */
    private static double rawClaims(DataSource ds, Instant now) throws SQLException {
        long start = System.nanoTime();
        long after = 0;
        while (true) {
            try (Connection c = ds.getConnection(); PreparedStatement read = c.prepareStatement("SELECT id, phase FROM sla_clock"
                    + " WHERE state = 'RUNNING' AND next_deadline <= ? AND id > ? ORDER BY id FETCH FIRST " + CLAIM_BATCH + " ROWS ONLY")) {
                c.setAutoCommit(false);
                read.setTimestamp(1, Timestamp.from(now));
                read.setLong(2, after);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        rs.getString(2);
                    }
                }
                if (!ids.isEmpty()) {
                    StringBuilder in = new StringBuilder();
                    for (int i = 0; i < ids.size(); i++) {
                        in.append(i == 0 ? "?" : ", ?");
                    }
                    try (PreparedStatement claim = c.prepareStatement("UPDATE sla_clock SET phase = 'VIOLATED', violated = true,"
                            + " next_deadline = NULL, version = version + 1 WHERE id IN (" + in + ") AND state = 'RUNNING'"
                            + " AND phase = 'NONE' AND target_at <= ? AND warn_at IS NULL")) {
                        for (int i = 0; i < ids.size(); i++) {
                            claim.setLong(i + 1, ids.get(i));
                        }
                        claim.setTimestamp(ids.size() + 1, Timestamp.from(now));
                        if (claim.executeUpdate() != ids.size()) {
                            throw new IllegalStateException("raw claim lost rows");
                        }
                    }
                    after = ids.get(ids.size() - 1);
                }
                c.commit();
                if (ids.size() < CLAIM_BATCH) {
                    break;
                }
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * {@code requests} open requests with their two running clocks, in JDBC batches; the first {@code due}
     * clocks are due 120 s before {@code now}, the next {@code burst} 60 s before, the others later.
     */
    private static void loadRaw(DataSource ds, int requests, int due, int burst, Instant now) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement request = c.prepareStatement("INSERT INTO service_request (id, version, number, type_code, summary, party_id,"
                     + " origin, priority, status, status_category, owner_id, queue_id, created_at, updated_at)"
                     + " VALUES (?, 1, ?, 'INCIDENT', 'Raw', ?, 'PHONE', 'MEDIUM', 'NEW', 'NEW', 7, 1, ?, ?)");
             PreparedStatement insert = c.prepareStatement("INSERT INTO sla_clock (id, version,"
                     + " subject_type, subject_id, subject_link, party_id, policy_id, milestone, cycle, state, phase, started_at, target_at,"
                     + " next_deadline, stopped_ms, violated, warned) VALUES (?, 1, 'SERVICE_REQUEST', ?, ?, 1, 1, ?, 1, 'RUNNING', 'NONE', ?, ?, ?, 0,"
                     + " false, false)")) {
            c.setAutoCommit(false);
            Timestamp created = Timestamp.from(now.minusSeconds(3600));
            for (long r = 1; r <= requests; r++) {
                request.setLong(1, r);
                request.setString(2, "RAW-" + r);
                request.setLong(3, r % 2000 + 1);
                request.setTimestamp(4, created);
                request.setTimestamp(5, created);
                request.addBatch();
                if (r % 1000 == 0) {
                    request.executeBatch();
                }
            }
            request.executeBatch();
            for (long i = 0; i < requests * 2L; i++) {
                // the first `due` clocks are past their deadline, the others in the future
                Timestamp deadline = Timestamp.from(i < due ? now.minusSeconds(120) : i < due + burst ? now.minusSeconds(60)
                        : now.plus(Duration.ofMinutes(60 + i % 3000)));
                insert.setLong(1, i + 1);
                insert.setLong(2, i / 2 + 1);
                insert.setString(3, "service:request:" + (i / 2 + 1));
                insert.setString(4, i % 2 == 0 ? "FIRST_RESPONSE" : "RESOLUTION");
                insert.setTimestamp(5, created);
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
        // as after any bulk load: the optimizer's statistics of the loaded indexes
        try (Connection c = ds.getConnection()) {
            for (String table : List.of("SERVICE_REQUEST", "SLA_CLOCK")) {
                try (java.sql.CallableStatement stats = c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', ?, NULL)")) {
                    stats.setString(1, table);
                    stats.execute();
                }
            }
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
