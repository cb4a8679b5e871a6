package org.tessera.crm.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The insurance pack's figures: the NDJSON import of policies (with coverages and participants),
 * the renewal run over one month of expiring terms beside the raw JDBC insert of the same rows
 * (terms, revisions, coverages, participants) into a fresh Derby, and a policy read with its
 * coverages and participants. The data set: {@code policies} terms, {@code monthShare} of them
 * expiring in the month the run renews, the others spread over the eleven months after it (so that
 * at 300,000 terms each later month holds about as many as the renewed one, and a run over a kept
 * database can renew the next month: {@code renewalMonth}). The first {@code restPolicies} are
 * imported over REST (the import's figure); the rest, the same rows, are written with JDBC into the
 * server's own database while it is stopped, as the forecasting and banking phases seed theirs: at
 * the import's rate 300,000 terms would take most of an hour.
 */
final class InsuranceBench {
    static final String CHANGELOG = "org/tessera/crm/insurance/impl/db/changelog.xml";
    private static final String NDJSON = "application/x-ndjson";
    private static final int HOLDERS = 1000;
    private static final int BATCH = 5000;
    /** Ids of the terms written directly: far above what the policy sequence hands out. */
    private static final long FIRST_ID = 50_000_000L;
    private static final String PREFIX = "BENCH-";

    interface Rounds {
        List<Stats> load(int threads, Function<SplittableRandom, URI> next) throws InterruptedException;
    }

    interface Rows {
        void row(String figure, String measured, String raw, double ratio, String target, boolean met);
    }

    private final Http http;
    private final ObjectMapper mapper;
    private final List<String> agents;
    private final Path rawDir;
    private final long policies;
    private final long renewing;
    private final long restPolicies;
    private final Path dist;
    private final BankingBench.Step stop;
    private final BankingBench.Step boot;
    /** The month whose terms are generated to expire ({@code renewing} of them): far enough ahead to be free of other data. */
    private final LocalDate month = LocalDate.of(2031, 3, 1);
    /** The month the run renews: {@link #month}, or a later one when the database is kept from an earlier run. */
    private final LocalDate renewalMonth;

    InsuranceBench(Http http, ObjectMapper mapper, List<String> agents, Path rawDir, long policies, long renewing, long restPolicies,
            LocalDate renewalMonth, Path dist, BankingBench.Step stop, BankingBench.Step boot) {
        this.http = http;
        this.mapper = mapper;
        this.agents = agents;
        this.rawDir = rawDir;
        this.policies = policies;
        this.renewing = Math.min(renewing, policies);
        this.restPolicies = Math.min(restPolicies, policies);
        this.renewalMonth = renewalMonth == null ? month : renewalMonth;
        this.dist = dist;
        this.stop = stop;
        this.boot = boot;
    }

    void run(Rounds rounds, Rows rows) throws Exception {
        String prefix = PREFIX;
        awaitInsurance();
        if (http.getJson("/v1/insurance/policies?number=" + prefix + "0").path("items").size() > 0) {
            say("INS the server holds the data set already (KEEP_DB): nothing loaded; renewing %s", renewalMonth);
        } else {
            load(prefix, rows);
        }
        // the renewal run of the month's expiring terms
        HttpResponse<String> response = http.postJson("/v1/insurance/renewal-runs", Map.of("expiringFrom", renewalMonth.toString(),
                "expiringTo", renewalMonth.plusMonths(1).toString(), "premiumFactor", 1.03, "reminderDaysBefore", 30));
        if (response.statusCode() != 200) {
            throw new IOException("renewal run: " + response.statusCode() + " " + response.body());
        }
        JsonNode run = mapper.readTree(response.body());
        double runSeconds = run.path("millis").asLong() / 1000.0;
        long terms = run.path("terms").asLong();
        say("INS renewal run: %,d terms and %,d reminders (%d refused) in %.1f s, of which the terms' transaction %.1f s", terms,
                run.path("activities").asLong(), run.path("activitiesRejected").asLong(), runSeconds, run.path("termsMillis").asLong() / 1000.0);
        say("INS renewal run split (ms): %s", run.path("splitMillis"));
        long[] raw = rawInsert(terms);
        double rawTerms = raw[0] / 1e9;
        double rawAll = (raw[0] + raw[1]) / 1e9;
        double termsSeconds = run.path("termsMillis").asLong() / 1000.0;
        say("INS raw JDBC insert of the same %,d terms with their rows: %.1f s; with the reminders' rows (activity, participant,"
                + " 2 links, external id, audit record and its 9 changes) as well: %.1f s", terms, rawTerms, rawAll);
        rows.row(String.format("INS renewal run, %,d terms expiring in a month (of %,d)", terms, policies),
                String.format("%.1f s: terms %.1f s + %,d planned activities %.1f s", runSeconds, termsSeconds, run.path("activities").asLong(),
                        run.path("splitMillis").path("reminders").asLong() / 1000.0),
                String.format("%.1f s raw JDBC batches of all the same rows (terms alone %.1f s)", rawAll, rawTerms), runSeconds / rawAll,
                "<= 60 s", runSeconds <= 60);
        rows.row("INS renewal run, the terms' transaction alone", String.format("%.1f s, split ms %s", termsSeconds, run.path("splitMillis")),
                String.format("%.1f s raw JDBC batches of the terms' rows", rawTerms), termsSeconds / rawTerms, "-", true);

        // a term with its coverages and participants, by id, one client, once the server has digested the run
        awaitIdleServer();
        List<String> ids = sampleIds(prefix);
        List<Stats> reads = rounds.load(1, r -> http.uri("/v1/insurance/policies/" + ids.get(r.nextInt(ids.size()))));
        Stats read = Stats.median(reads);
        rows.row("INS GET /v1/insurance/policies/{id} (coverages, participants)", String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
                read.p50(), read.p95(), read.p99()), "-", Double.NaN, "p95 <= 10 ms", read.p95() <= 10);
    }

    /** The data set: the first {@code restPolicies} over REST (measured), the others with JDBC while the server is stopped. */
    private void load(String prefix, Rows rows) throws Exception {
        List<String> holders = holders();
        long start = System.nanoTime();
        long created = 0;
        for (long from = 0; from < restPolicies; from += BATCH) {
            long to = Math.min(restPolicies, from + BATCH);
            JsonNode report = importPolicies(prefix, holders, from, to);
            created += report.path("created").asLong();
            if (report.path("rejected").asLong() > 0) {
                say("  rejected policies, first: %s", report.path("errors").path(0));
            }
            say("  imported %,d / %,d policies (%,.0f/s so far)", to, restPolicies, to / ((System.nanoTime() - start) / 1e9));
        }
        double importSeconds = (System.nanoTime() - start) / 1e9;
        say("INS import: %,d policies created in %.1f s (%,.0f/s)", created, importSeconds, created / importSeconds);
        rows.row(String.format("INS import of %,d policies (2 coverages, 1-2 participants)", restPolicies),
                String.format("%,.0f policies/s NDJSON over REST (%.0f s)", created / importSeconds, importSeconds), "-", Double.NaN, "-", true);
        if (restPolicies < policies) {
            stop.run();
            String url = "jdbc:derby:" + dist.resolve("data/tessera/db");
            long seedStart = System.nanoTime();
            try (Connection c = java.sql.DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                seed(c, prefix, holders, restPolicies, policies);
                updateStatistics(c);
            }
            try {
                java.sql.DriverManager.getConnection(url + ";shutdown=true");
            } catch (SQLException closed) {
                // Derby answers a shutdown with an exception by design (08006)
            }
            say("INS %,d more policies written with JDBC into the stopped server's database in %.1f s", policies - restPolicies,
                    (System.nanoTime() - seedStart) / 1e9);
            boot.run();
            http.useBearer();
            awaitInsurance();
        }
    }

    /**
     * Waits (10 minutes at most) until the server's JVM uses under 10 % of a core over 2 s: after a
     * run, Event Admin still delivers the events of its 25,000 new activities to their handlers (the
     * service module's SLA watcher reads each activity), which would otherwise be measured as the
     * read's latency. The wait is printed.
     */
    private void awaitIdleServer() throws IOException, InterruptedException {
        String marker = "-Dkaraf.base=" + dist;
        java.util.Optional<ProcessHandle> karaf = ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(marker) && c.contains("org.apache.karaf.main.Main")).orElse(false)).findFirst();
        if (karaf.isEmpty()) {
            return;
        }
        Path stat = Path.of("/proc/" + karaf.get().pid() + "/stat");
        long start = System.nanoTime();
        long until = start + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        long ticks = cpuTicks(stat);
        while (System.nanoTime() < until) {
            Thread.sleep(2000);
            long now = cpuTicks(stat);
            // /proc counts in clock ticks of 1/100 s: under 20 ticks in 2 s is under 10 % of a core
            if (now - ticks < 20) {
                break;
            }
            ticks = now;
        }
        say("INS the server was idle again %.0f s after the raw baseline", (System.nanoTime() - start) / 1e9);
    }

    private static long cpuTicks(Path stat) throws IOException {
        String line = java.nio.file.Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    /** Right after a boot the pack answers 404 until its resources joined its application: two minutes at most. */
    private void awaitInsurance() throws IOException, InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        HttpResponse<String> response = http.getString("/v1/insurance/policies?limit=1");
        while (response.statusCode() != 200 && System.nanoTime() < until) {
            Thread.sleep(500);
            response = http.getString("/v1/insurance/policies?limit=1");
        }
        if (response.statusCode() != 200) {
            throw new IOException("insurance does not serve after the boot: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Policies {@code from} to {@code to}, the rows the import writes for them (term, revision 0,
     * coverages, participants; no custom values), in JDBC batches committed every 5,000 terms.
     */
    private void seed(Connection c, String prefix, List<String> holders, long from, long to) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement policy = c.prepareStatement("INSERT INTO ins_policy (id, version, policy_number, term_number,"
                + " line_of_business, product, status, effective_date, expiry_date, premium, premium_frequency,"
                + " billing_method, currency, carrier, agent_id, holder_party_id, current_revision, created_at, updated_at)"
                + " VALUES (?, 1, ?, 1, ?, ?, 'IN_FORCE', ?, ?, ?, 'MONTHLY', 'DIRECT_DEBIT', 'EUR', 'Mutuelle Tessera', ?, ?, 0, ?, ?)");
             PreparedStatement revision = c.prepareStatement("INSERT INTO ins_policy_revision (policy_id, seq_no, revision,"
                     + " valid_from, premium, reason, recorded_at) VALUES (?, 0, 0, ?, ?, 'issued', ?)");
             PreparedStatement coverage = c.prepareStatement("INSERT INTO ins_policy_coverage (policy_id, seq_no, revision, code,"
                     + " name, category, limit_amount, deductible, premium_part) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)");
             PreparedStatement participant = c.prepareStatement("INSERT INTO ins_policy_participant (policy_id, seq_no, party_id,"
                     + " participant_role, minor) VALUES (?, ?, ?, ?, false)")) {
            for (long i = from; i < to; i++) {
                Map<String, Object> p = policy(prefix, holders, i);
                long id = FIRST_ID + i;
                long holder = Long.parseLong(holders.get((int) (i % holders.size())));
                policy.setLong(1, id);
                policy.setString(2, (String) p.get("number"));
                policy.setString(3, (String) p.get("lineOfBusiness"));
                policy.setString(4, (String) p.get("product"));
                policy.setDate(5, Date.valueOf((String) p.get("effectiveDate")));
                policy.setDate(6, Date.valueOf((String) p.get("expiryDate")));
                policy.setBigDecimal(7, java.math.BigDecimal.valueOf(((Number) p.get("premium")).longValue()));
                policy.setLong(8, Long.parseLong((String) p.get("agentId")));
                policy.setLong(9, holder);
                policy.setTimestamp(10, now);
                policy.setTimestamp(11, now);
                policy.addBatch();
                revision.setLong(1, id);
                revision.setDate(2, Date.valueOf((String) p.get("effectiveDate")));
                revision.setBigDecimal(3, java.math.BigDecimal.valueOf(((Number) p.get("premium")).longValue()));
                revision.setTimestamp(4, now);
                revision.addBatch();
                for (int k = 0; k < 2; k++) {
                    coverage.setLong(1, id);
                    coverage.setInt(2, k);
                    coverage.setString(3, k == 0 ? "BASE" : "GLASS");
                    coverage.setString(4, k == 0 ? "Base" : "Glass");
                    coverage.setString(5, k == 0 ? "BASE" : "RIDER");
                    coverage.setBigDecimal(6, java.math.BigDecimal.valueOf(k == 0 ? 100000 : 2000));
                    coverage.setBigDecimal(7, java.math.BigDecimal.valueOf(k == 0 ? 500 : 100));
                    coverage.setBigDecimal(8, java.math.BigDecimal.valueOf(k == 0 ? 15 : 5));
                    coverage.addBatch();
                }
                for (int k = 0; k < (i % 2 == 0 ? 1 : 2); k++) {
                    participant.setLong(1, id);
                    participant.setInt(2, k);
                    participant.setLong(3, holder);
                    participant.setString(4, k == 0 ? "POLICYHOLDER" : "PAYER");
                    participant.addBatch();
                }
                if ((i + 1 - from) % BATCH == 0 || i + 1 == to) {
                    policy.executeBatch();
                    revision.executeBatch();
                    coverage.executeBatch();
                    participant.executeBatch();
                    c.commit();
                }
                if ((i + 1 - from) % 50_000 == 0) {
                    say("  written %,d / %,d policies with JDBC", i + 1, to);
                }
            }
        }
    }

    /** Derby plans with the index statistics it has; after a bulk load they are brought up to date, as an ANALYZE would be. */
    private static void updateStatistics(Connection c) throws SQLException {
        long start = System.nanoTime();
        for (String table : List.of("INS_POLICY", "INS_POLICY_REVISION", "INS_POLICY_COVERAGE", "INS_POLICY_PARTICIPANT")) {
            try (java.sql.CallableStatement update = c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', ?, NULL)")) {
                update.setString(1, table);
                update.execute();
            }
        }
        c.commit();
        say("INS index statistics updated in %.1f s", (System.nanoTime() - start) / 1e9);
    }

    /** Policyholders: persons created one by one (their ids are what the policies name). */
    private List<String> holders() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < HOLDERS; i++) {
            HttpResponse<String> created = http.postJson("/v1/parties", Map.of("type", "PERSON", "firstName",
                    PartyGenerator.FIRST_NAMES[i % PartyGenerator.FIRST_NAMES.length], "lastName", "Assuré" + i));
            if (created.statusCode() != 201) {
                throw new IOException("holder: " + created.statusCode() + " " + created.body());
            }
            ids.add(mapper.readTree(created.body()).path("id").asText());
        }
        return ids;
    }

    private JsonNode importPolicies(String prefix, List<String> holders, long from, long to) throws IOException, InterruptedException {
        StringBuilder ndjson = new StringBuilder();
        for (long i = from; i < to; i++) {
            ndjson.append(mapper.writeValueAsString(policy(prefix, holders, i))).append('\n');
        }
        byte[] body = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.postStream("/v1/insurance/policies:import", NDJSON, () -> new ByteArrayInputStream(body));
        if (response.statusCode() != 200) {
            throw new IOException("policies:import: " + response.statusCode() + " " + response.body());
        }
        return mapper.readTree(response.body());
    }

    /** Policy {@code i}: the first {@code renewing} ones expire in the run's month, the others in the eleven after it. */
    private Map<String, Object> policy(String prefix, List<String> holders, long i) {
        LocalDate expiry = i < renewing ? month.plusDays(i % 28) : month.plusMonths(1 + i % 11).plusDays(i % 28);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", prefix + i);
        p.put("lineOfBusiness", i % 3 == 0 ? "AUTO" : "HOME");
        p.put("product", i % 3 == 0 ? "Auto Tiers" : "Habitation Confort");
        p.put("status", "IN_FORCE");
        p.put("effectiveDate", expiry.minusYears(1).toString());
        p.put("expiryDate", expiry.toString());
        p.put("premium", 20 + i % 80);
        p.put("premiumFrequency", "MONTHLY");
        p.put("billingMethod", "DIRECT_DEBIT");
        p.put("carrier", "Mutuelle Tessera");
        p.put("agentId", agents.get((int) (i % agents.size())));
        p.put("coverages", List.of(
                Map.of("code", "BASE", "name", "Base", "category", "BASE", "limit", 100000, "deductible", 500, "premiumPart", 15),
                Map.of("code", "GLASS", "name", "Glass", "category", "RIDER", "limit", 2000, "deductible", 100, "premiumPart", 5)));
        String holder = holders.get((int) (i % holders.size()));
        p.put("participants", i % 2 == 0 ? List.of(Map.of("partyId", holder, "role", "POLICYHOLDER"))
                : List.of(Map.of("partyId", holder, "role", "POLICYHOLDER"), Map.of("partyId", holder, "role", "PAYER")));
        return p;
    }

    private List<String> sampleIds(String prefix) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int probe = 0; probe < 400 && ids.size() < 200; probe++) {
            JsonNode page = http.getJson("/v1/insurance/policies?number=" + prefix + random.nextLong(policies));
            for (JsonNode term : page.path("items")) {
                ids.add(term.path("id").asText());
            }
        }
        return ids;
    }

    /**
     * The raw limit of the same writes: the rows a renewal run adds for {@code terms} terms, with
     * JDBC batches of 1,000 in one transaction, into an empty Derby migrated with the same schema.
     */
    private long[] rawInsert(long terms) throws Exception {
        RawJdbcLoader.delete(rawDir);
        try (TestDatabase db = TestDatabase.derby(rawDir.resolve("db"))) {
            db.migrateCore();
            db.migrate("insurance", CHANGELOG);
            return new long[] {insert(db.dataSource(), terms), insertReminders(db.dataSource(), terms)};
        }
    }

    /**
     * The rows of the run's reminders, as the core's activity import writes them for each: the
     * activity, its participant, its two links, its external id, its audit record and the record's
     * nine field changes; JDBC batches of 1,000 in one transaction.
     */
    private static long insertReminders(DataSource ds, long terms) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection()) {
            // the agents and policyholders the reminders name (foreign keys of the core's tables), untimed
            long unit;
            try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT MIN(id) FROM org_unit")) {
                rs.next();
                unit = rs.getLong(1);
            }
            try (PreparedStatement agent = c.prepareStatement("INSERT INTO agent (id, version, login, org_unit_id, active) VALUES (?, 1, ?, ?, true)");
                 PreparedStatement party = c.prepareStatement("INSERT INTO party (id, version, party_type, status, created_at, updated_at)"
                         + " VALUES (?, 1, 'PERSON', 'ACTIVE', ?, ?)")) {
                for (int a = 0; a < 20; a++) {
                    agent.setLong(1, 100 + a);
                    agent.setString(2, "raw-agent-" + a);
                    agent.setLong(3, unit);
                    agent.addBatch();
                }
                agent.executeBatch();
                for (int h = 0; h < HOLDERS; h++) {
                    party.setLong(1, 5000 + h);
                    party.setTimestamp(2, now);
                    party.setTimestamp(3, now);
                    party.addBatch();
                }
                party.executeBatch();
            }
        }
        long start = System.nanoTime();
        String[] fields = {"type", "subject", "status", "dueAt", "ownerId", "assigneeId", "participants", "links", "externalIds"};
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement activity = c.prepareStatement("INSERT INTO activity (id, version, activity_type, subject, status,"
                    + " due_at, timeline_at, owner_id, assignee_id, created_at, updated_at) VALUES (?, 1, 'POLICY_RENEWAL', ?, 'PLANNED',"
                    + " ?, ?, ?, ?, ?, ?)");
                 PreparedStatement participant = c.prepareStatement("INSERT INTO activity_participant (activity_id, party_id) VALUES (?, ?)");
                 PreparedStatement link = c.prepareStatement("INSERT INTO activity_link (activity_id, link) VALUES (?, ?)");
                 PreparedStatement externalId = c.prepareStatement("INSERT INTO activity_external_id (activity_id, source, external_id)"
                         + " VALUES (?, 'insurance-renewal', ?)");
                 PreparedStatement record = c.prepareStatement("INSERT INTO audit_record (id, occurred_at, user_login, entity_type,"
                         + " entity_id, action) VALUES (?, ?, 'admin', 'ACTIVITY', ?, 'CREATE')");
                 PreparedStatement change = c.prepareStatement("INSERT INTO audit_change (audit_id, position, field, old_value, new_value)"
                         + " VALUES (?, ?, ?, NULL, ?)")) {
                LocalDate base = LocalDate.of(2031, 2, 1);
                for (long i = 0; i < terms; i++) {
                    long id = 1_000_000 + i;
                    Timestamp due = Timestamp.valueOf(base.plusDays(i % 28).atTime(9, 0));
                    activity.setLong(1, id);
                    activity.setString(2, "Renewal of policy RAW-" + i);
                    activity.setTimestamp(3, due);
                    activity.setTimestamp(4, due);
                    activity.setLong(5, 100 + i % 20);
                    activity.setLong(6, 100 + i % 20);
                    activity.setTimestamp(7, now);
                    activity.setTimestamp(8, now);
                    activity.addBatch();
                    participant.setLong(1, id);
                    participant.setLong(2, 5000 + i % HOLDERS);
                    participant.addBatch();
                    for (long term : new long[] {2_000_000 + i, 3_000_000 + i}) {
                        link.setLong(1, id);
                        link.setString(2, "insurance:policy:" + term);
                        link.addBatch();
                    }
                    externalId.setLong(1, id);
                    externalId.setString(2, String.valueOf(2_000_000 + i));
                    externalId.addBatch();
                    record.setLong(1, id);
                    record.setTimestamp(2, now);
                    record.setString(3, String.valueOf(id));
                    record.addBatch();
                    for (int k = 0; k < fields.length; k++) {
                        change.setLong(1, id);
                        change.setInt(2, k);
                        change.setString(3, fields[k]);
                        change.setString(4, "value of " + fields[k] + " " + i);
                        change.addBatch();
                    }
                    if ((i + 1) % 1000 == 0) {
                        for (PreparedStatement batch : List.of(activity, participant, link, externalId, record, change)) {
                            batch.executeBatch();
                        }
                    }
                }
                for (PreparedStatement batch : List.of(activity, participant, link, externalId, record, change)) {
                    batch.executeBatch();
                }
            }
            c.commit();
        }
        return System.nanoTime() - start;
    }

    private static long insert(DataSource ds, long terms) throws SQLException {
        long start = System.nanoTime();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement policy = c.prepareStatement("INSERT INTO ins_policy (id, version, policy_number, term_number,"
                    + " renewed_from_id, line_of_business, product, status, effective_date, expiry_date, premium, premium_frequency,"
                    + " billing_method, currency, carrier, agent_id, holder_party_id, current_revision, created_at, updated_at)"
                    + " VALUES (?, 1, ?, 2, ?, 'HOME', 'Habitation Confort', 'IN_FORCE', ?, ?, ?, 'MONTHLY', 'DIRECT_DEBIT', 'EUR',"
                    + " 'Mutuelle Tessera', ?, ?, 0, ?, ?)");
                 PreparedStatement revision = c.prepareStatement("INSERT INTO ins_policy_revision (policy_id, seq_no, revision,"
                         + " valid_from, premium, reason, recorded_at) VALUES (?, 0, 0, ?, ?, 'renewal', ?)");
                 PreparedStatement coverage = c.prepareStatement("INSERT INTO ins_policy_coverage (policy_id, seq_no, revision, code,"
                         + " name, category, limit_amount, deductible, premium_part) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement participant = c.prepareStatement("INSERT INTO ins_policy_participant (policy_id, seq_no, party_id,"
                         + " participant_role, minor) VALUES (?, ?, ?, ?, false)")) {
                LocalDate base = LocalDate.of(2031, 3, 1);
                for (long i = 0; i < terms; i++) {
                    long id = 1_000_000 + i;
                    LocalDate effective = base.plusDays(i % 28);
                    policy.setLong(1, id);
                    policy.setString(2, "RAW-" + i);
                    policy.setLong(3, 10 + i);
                    policy.setDate(4, Date.valueOf(effective));
                    policy.setDate(5, Date.valueOf(effective.plusYears(1)));
                    policy.setBigDecimal(6, java.math.BigDecimal.valueOf(20 + i % 80));
                    policy.setLong(7, 100 + i % 20);
                    policy.setLong(8, 5000 + i % HOLDERS);
                    policy.setTimestamp(9, now);
                    policy.setTimestamp(10, now);
                    policy.addBatch();
                    revision.setLong(1, id);
                    revision.setDate(2, Date.valueOf(effective));
                    revision.setBigDecimal(3, java.math.BigDecimal.valueOf(20 + i % 80));
                    revision.setTimestamp(4, now);
                    revision.addBatch();
                    for (int k = 0; k < 2; k++) {
                        coverage.setLong(1, id);
                        coverage.setInt(2, k);
                        coverage.setString(3, k == 0 ? "BASE" : "GLASS");
                        coverage.setString(4, k == 0 ? "Base" : "Glass");
                        coverage.setString(5, k == 0 ? "BASE" : "RIDER");
                        coverage.setBigDecimal(6, java.math.BigDecimal.valueOf(k == 0 ? 100000 : 2000));
                        coverage.setBigDecimal(7, java.math.BigDecimal.valueOf(k == 0 ? 500 : 100));
                        coverage.setBigDecimal(8, java.math.BigDecimal.valueOf(k == 0 ? 15 : 5));
                        coverage.addBatch();
                    }
                    for (int k = 0; k < (i % 2 == 0 ? 1 : 2); k++) {
                        participant.setLong(1, id);
                        participant.setInt(2, k);
                        participant.setLong(3, 5000 + i % HOLDERS);
                        participant.setString(4, k == 0 ? "POLICYHOLDER" : "PAYER");
                        participant.addBatch();
                    }
                    if ((i + 1) % 1000 == 0) {
                        policy.executeBatch();
                        revision.executeBatch();
                        coverage.executeBatch();
                        participant.executeBatch();
                    }
                }
                policy.executeBatch();
                revision.executeBatch();
                coverage.executeBatch();
                participant.executeBatch();
            }
            c.commit();
        }
        return System.nanoTime() - start;
    }

    private static void say(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }
}
