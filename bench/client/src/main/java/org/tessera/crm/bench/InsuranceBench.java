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
 * expiring in the month the run renews, the others spread over the rest of the year.
 */
final class InsuranceBench {
    static final String CHANGELOG = "org/tessera/crm/insurance/impl/db/changelog.xml";
    private static final String NDJSON = "application/x-ndjson";
    private static final int HOLDERS = 1000;
    private static final int BATCH = 5000;

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
    /** The month whose expiring terms the run renews: far enough ahead to be free of other data. */
    private final LocalDate month = LocalDate.of(2031, 3, 1);

    InsuranceBench(Http http, ObjectMapper mapper, List<String> agents, Path rawDir, long policies, long renewing) {
        this.http = http;
        this.mapper = mapper;
        this.agents = agents;
        this.rawDir = rawDir;
        this.policies = policies;
        this.renewing = Math.min(renewing, policies);
    }

    void run(Rounds rounds, Rows rows) throws Exception {
        List<String> holders = holders();
        String prefix = "B" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + "-";
        long start = System.nanoTime();
        long created = 0;
        for (long from = 0; from < policies; from += BATCH) {
            long to = Math.min(policies, from + BATCH);
            JsonNode report = importPolicies(prefix, holders, from, to);
            created += report.path("created").asLong();
            if (report.path("rejected").asLong() > 0) {
                say("  rejected policies, first: %s", report.path("errors").path(0));
            }
            say("  imported %,d / %,d policies (%,.0f/s so far)", to, policies, to / ((System.nanoTime() - start) / 1e9));
        }
        double importSeconds = (System.nanoTime() - start) / 1e9;
        say("INS import: %,d policies created in %.1f s (%,.0f/s)", created, importSeconds, created / importSeconds);
        rows.row(String.format("INS import of %,d policies (2 coverages, 1-2 participants)", policies),
                String.format("%,.0f policies/s NDJSON over REST (%.0f s)", created / importSeconds, importSeconds), "-", Double.NaN, "-", true);

        // the renewal run of the month's expiring terms
        HttpResponse<String> response = http.postJson("/v1/insurance/renewal-runs", Map.of("expiringFrom", month.toString(),
                "expiringTo", month.plusMonths(1).toString(), "premiumFactor", 1.03, "reminderDaysBefore", 30));
        if (response.statusCode() != 200) {
            throw new IOException("renewal run: " + response.statusCode() + " " + response.body());
        }
        JsonNode run = mapper.readTree(response.body());
        double runSeconds = run.path("millis").asLong() / 1000.0;
        long terms = run.path("terms").asLong();
        say("INS renewal run: %,d terms and %,d reminders (%d refused) in %.1f s, of which the terms' transaction %.1f s", terms,
                run.path("activities").asLong(), run.path("activitiesRejected").asLong(), runSeconds, run.path("termsMillis").asLong() / 1000.0);
        double rawSeconds = rawInsert(terms) / 1e9;
        say("INS raw JDBC insert of the same %,d terms with their rows: %.1f s", terms, rawSeconds);
        rows.row(String.format("INS renewal run, %,d terms expiring in a month (of %,d)", terms, policies),
                String.format("%.1f s (terms %.1f s + %,d planned activities)", runSeconds, run.path("termsMillis").asLong() / 1000.0,
                        run.path("activities").asLong()),
                String.format("%.1f s raw JDBC batches of the same rows", rawSeconds), runSeconds / rawSeconds, "<= 60 s", runSeconds <= 60);

        // a term with its coverages and participants, by id, one client
        List<String> ids = sampleIds(prefix);
        List<Stats> reads = rounds.load(1, r -> http.uri("/v1/insurance/policies/" + ids.get(r.nextInt(ids.size()))));
        Stats read = Stats.median(reads);
        rows.row("INS GET /v1/insurance/policies/{id} (coverages, participants)", String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
                read.p50(), read.p95(), read.p99()), "-", Double.NaN, "p95 <= 10 ms", read.p95() <= 10);
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
    private long rawInsert(long terms) throws Exception {
        RawJdbcLoader.delete(rawDir);
        try (TestDatabase db = TestDatabase.derby(rawDir.resolve("db"))) {
            db.migrateCore();
            db.migrate("insurance", CHANGELOG);
            return insert(db.dataSource(), terms);
        }
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
