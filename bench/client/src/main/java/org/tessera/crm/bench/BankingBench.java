package org.tessera.crm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.LongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The banking pack's figures: a household rollup and the offers of a party at an interaction (50
 * active rules), over {@code accounts} accounts held by {@code accounts} persons in
 * {@code accounts / 2} households, each beside the raw SQL of the same reads on the same database.
 *
 * <p>The households and persons are core parties, imported over REST (the core's NDJSON import);
 * the 50 rules are written over REST (validated like any client's). The banking rows themselves
 * (memberships, accounts, roles, life events) are written with JDBC batches while the server is
 * stopped: the figures are about reading them, and the account import's own rate is not one of
 * the figures. The raw baseline runs the pack's rollup SQL, and the reads an offer
 * evaluation needs, in this JVM on the same embedded Derby, while the server is stopped.
 */
final class BankingBench {
    /** Ids of the rows this bench writes directly, far above what the pack's sequence hands out. */
    private static final long FIRST_ID = 50_000_000L;
    private static final String SOURCE = "bench-banking";
    private static final String[] TYPES = {"CURRENT", "CURRENT", "CURRENT", "SAVINGS", "SAVINGS", "TERM_DEPOSIT", "LOAN", "MORTGAGE",
        "INVESTMENT", "CREDIT_CARD"};

    interface Load {
        List<Stats> run(int threads, Function<SplittableRandom, URI> next) throws InterruptedException;
    }

    interface Row {
        void add(String figure, String measured, String raw, double ratio, String target, boolean met);
    }

    interface Step {
        void run() throws Exception;
    }

    private final Http http;
    private final ObjectMapper mapper;
    private final Path dist;
    private final long seed;
    private final int accounts;
    private final int rounds;
    private final int roundSeconds;
    private final Load load;
    private final Row row;
    private final Step stop;
    private final Step boot;

    BankingBench(Http http, ObjectMapper mapper, Path dist, long seed, int accounts, int rounds, int roundSeconds, Load load, Row row,
            Step stop, Step boot) {
        this.http = http;
        this.mapper = mapper;
        this.dist = dist;
        this.seed = seed;
        this.accounts = accounts;
        this.rounds = rounds;
        this.roundSeconds = roundSeconds;
        this.load = load;
        this.row = row;
        this.stop = stop;
        this.boot = boot;
    }

    /** Runs the phase on the running server; leaves it running. */
    void run() throws Exception {
        int persons = accounts;
        int households = accounts / 2;
        say("Banking: %,d accounts, %,d persons, %,d households", accounts, persons, households);
        long start = System.nanoTime();
        boolean loaded = http.getString("/v1/banking/offer-rules").body().contains("\"bench-49\"");
        if (loaded) {
            say("Banking: the parties and rules of an earlier run are there (KEEP_DB), kept");
        } else {
            loadPartiesAndRules(households, persons);
        }
        say("Banking: parties ready in %.0f s", (System.nanoTime() - start) / 1e9);

        stop.run();
        String url = "jdbc:derby:" + dist.resolve("data/tessera/db");
        long[] householdIds;
        long[] personIds;
        try (Connection c = DriverManager.getConnection(url)) {
            householdIds = ids(c, "H", households);
            personIds = ids(c, "P", persons);
            long loadStart = System.nanoTime();
            int written = writeRows(c, householdIds, personIds);
            say("Banking: %,d rows written with JDBC batches in %.0f s", written, (System.nanoTime() - loadStart) / 1e9);
            updateStatistics(c);
            Stats rawRollup = measureRaw(c, householdIds, this::rawRollup);
            Stats rawOffers = measureRaw(c, personIds, this::rawOfferReads);
            shutDown(url);
            boot.run();
            http.useBearer();
            List<Stats> rollup = load.run(1, r -> http.uri("/v1/banking/households/" + householdIds[r.nextInt(householdIds.length)] + "/rollup"));
            Stats rest = Stats.median(rollup);
            row.add(String.format(Locale.ROOT, "Banking household rollup, %,d accounts / %,d households", accounts, households),
                    latency(rest), "raw SQL in-process: " + latency(rawRollup), rest.p95() / rawRollup.p95(), "p95 <= 20 ms", rest.p95() <= 20);
            List<Stats> offers = load.run(1, r -> http.uri("/v1/banking/parties/" + personIds[r.nextInt(personIds.length)] + "/offers"));
            Stats restOffers = Stats.median(offers);
            row.add("Banking offers at an interaction, 50 active rules", latency(restOffers), "raw SQL of the same reads: " + latency(rawOffers),
                    restOffers.p95() / rawOffers.p95(), "p95 <= 30 ms", restOffers.p95() <= 30);
            long errors = rollup.stream().mapToLong(Stats::errors).sum() + offers.stream().mapToLong(Stats::errors).sum();
            if (errors > 0) {
                say("WARNING: %d banking requests did not answer 200", errors);
            }
        }
    }

    private void loadPartiesAndRules(int households, int persons) throws IOException, InterruptedException {
        importParties("H", households, i -> "{\"type\":\"HOUSEHOLD\",\"name\":\"Foyer " + i + "\",\"externalIds\":{\"" + SOURCE
                + "\":\"H" + i + "\"}}");
        importParties("P", persons, i -> "{\"type\":\"PERSON\",\"firstName\":\"Client\",\"lastName\":\"Banque" + i
                + "\",\"externalIds\":{\"" + SOURCE + "\":\"P" + i + "\"}}");
        createRules();
    }

    /**
     * Derby plans with the index statistics it has: those of tables that were empty when their indexes
     * were created until its statistics daemon catches up. After a bulk load, as an ANALYZE after a
     * PostgreSQL one, they are brought up to date, so that the server and the raw baseline plan alike.
     */
    private static void updateStatistics(Connection c) throws SQLException {
        long start = System.nanoTime();
        for (String table : List.of("BANKING_HOUSEHOLD_MEMBER", "BANKING_ACCOUNT_ROLE", "BANKING_ACCOUNT", "BANKING_ASSET", "BANKING_LIFE_EVENT")) {
            try (java.sql.CallableStatement update = c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', ?, NULL)")) {
                update.setString(1, table);
                update.execute();
            }
        }
        say("Banking: index statistics updated in %.1f s", (System.nanoTime() - start) / 1e9);
    }

    private void importParties(String prefix, int count, LongFunction<String> line) throws IOException, InterruptedException {
        int batch = 50_000;
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            int first = from;
            HttpResponse<String> response = http.postStream("/v1/parties:import", "application/x-ndjson", () -> new Lines(first, to, line));
            JsonNode report = mapper.readTree(response.body());
            if (response.statusCode() != 200 || report.path("rejected").asLong() > 0) {
                throw new IOException("banking party import: " + response.statusCode() + " " + response.body().substring(0,
                        Math.min(500, response.body().length())));
            }
            say("  %s %,d / %,d: created %d, unchanged %d", prefix, to, count, report.path("created").asLong(), report.path("unchanged").asLong());
        }
    }

    /** 50 active rules over every condition type, most of which a given party does not meet: the evaluation tries them all. */
    private void createRules() throws IOException, InterruptedException {
        String[] events = {"MARRIAGE", "BIRTH_OF_CHILD", "NEW_JOB", "RETIREMENT", "RELOCATION", "HOME_PURCHASE", "INHERITANCE"};
        for (int i = 0; i < 50; i++) {
            Map<String, Object> condition = new HashMap<>();
            switch (i % 6) {
                case 0 -> condition.putAll(Map.of("type", "lifeEvent.recent", "parameters", Map.of("eventType", events[i % events.length], "withinDays", 90)));
                case 1 -> condition.putAll(Map.of("type", "account.hasProduct", "parameters", Map.of("accountType", TYPES[i % TYPES.length], "has", false)));
                case 2 -> condition.putAll(Map.of("type", "account.balance", "parameters", Map.of("accountType", "SAVINGS", "min", 40_000 + i * 1000)));
                case 3 -> condition.putAll(Map.of("type", "household.rollup", "parameters", Map.of("metric", "netWorth", "currency", "EUR",
                        "min", 150_000 + i * 5000)));
                case 4 -> condition.putAll(Map.of("type", "activity.recent", "parameters", Map.of("withinDays", 7)));
                default -> condition.putAll(Map.of("type", "party.profile", "parameters", Map.of("minAge", 60)));
            }
            Map<String, Object> second = Map.of("type", "account.hasProduct", "parameters", Map.of("accountType", "INVESTMENT", "has", i % 2 == 0));
            Map<String, Object> rule = Map.of("key", "bench-" + i, "name", "Bench rule " + i, "priority", 100 + i, "coolDownDays", 30,
                    "conditions", List.of(condition, second), "offer", Map.of("code", "BENCH" + i, "name", "Bench offer " + i));
            HttpResponse<String> response = http.postJson("/v1/banking/offer-rules", rule);
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IOException("rule " + i + ": " + response.statusCode() + " " + response.body());
            }
        }
    }

    private static long[] ids(Connection c, String prefix, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement select = c.prepareStatement("SELECT external_id, party_id FROM party_external_id WHERE source = ?")) {
            select.setString(1, SOURCE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String external = rows.getString(1);
                    if (external.startsWith(prefix)) {
                        int index = Integer.parseInt(external.substring(1));
                        if (index < count) {
                            ids[index] = rows.getLong(2);
                        }
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Two persons per household (head and spouse, each's primary household), one account each;
     * one in five is held jointly by the spouse, one in twenty jointly by a person of the next
     * household (counted in one household, shown in the other); one in ten persons had a child recently.
     */
    private int writeRows(Connection c, long[] households, long[] persons) throws SQLException {
        try (Statement check = c.createStatement(); ResultSet rows = check.executeQuery("SELECT COUNT(*) FROM banking_account WHERE id >= " + FIRST_ID)) {
            rows.next();
            if (rows.getLong(1) > 0) {
                say("Banking: rows of an earlier run found, kept");
                return 0;
            }
        }
        c.setAutoCommit(false);
        SplittableRandom random = new SplittableRandom(seed);
        long id = FIRST_ID;
        int written = 0;
        LocalDate today = LocalDate.now();
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        try (PreparedStatement member = c.prepareStatement("INSERT INTO banking_household_member (id, household_id, party_id, member_role,"
                + " is_primary, valid_from, version) VALUES (?, ?, ?, ?, ?, ?, 1)");
                PreparedStatement account = c.prepareStatement("INSERT INTO banking_account (id, account_number, account_type, product, status,"
                        + " opened_on, currency, balance, available_balance, balance_as_of, held_away, version, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, 1, ?, ?)");
                PreparedStatement role = c.prepareStatement("INSERT INTO banking_account_role (id, account_id, party_id, account_role, valid_from)"
                        + " VALUES (?, ?, ?, ?, ?)");
                PreparedStatement event = c.prepareStatement("INSERT INTO banking_life_event (id, party_id, event_type, occurred_on, source,"
                        + " recorded_by, created_at, version) VALUES (?, ?, 'BIRTH_OF_CHILD', ?, 'IMPORT', 'bench', ?, 1)")) {
            java.sql.Date opened = java.sql.Date.valueOf("2018-01-01");
            for (int p = 0; p < persons.length; p++) {
                int household = p / 2;
                member.setLong(1, id++);
                member.setLong(2, households[household]);
                member.setLong(3, persons[p]);
                member.setString(4, p % 2 == 0 ? "HEAD" : "SPOUSE");
                member.setBoolean(5, true);
                member.setDate(6, opened);
                member.addBatch();

                long accountId = id++;
                String type = TYPES[random.nextInt(TYPES.length)];
                BigDecimal balance = BigDecimal.valueOf(random.nextInt(5_000_000), 2);
                if (type.equals("LOAN") || type.equals("MORTGAGE") || type.equals("CREDIT_CARD")) {
                    balance = balance.negate();
                }
                account.setLong(1, accountId);
                account.setString(2, String.format(Locale.ROOT, "BB%012d", p));
                account.setString(3, type);
                account.setString(4, type.toLowerCase(Locale.ROOT) + " account");
                account.setDate(5, opened);
                account.setString(6, random.nextInt(10) == 0 ? "USD" : "EUR");
                account.setBigDecimal(7, balance);
                account.setBigDecimal(8, balance);
                account.setDate(9, java.sql.Date.valueOf(today));
                account.setBoolean(10, false);
                account.setTimestamp(11, now);
                account.setTimestamp(12, now);
                account.addBatch();
                addRole(role, id++, accountId, persons[p], "PRIMARY_OWNER", opened);
                written += 3;
                if (p % 5 == 0 && p + 1 < persons.length) {
                    addRole(role, id++, accountId, persons[p + 1], "JOINT_OWNER", opened);
                    written++;
                } else if (p % 20 == 3 && p + 2 < persons.length) {
                    addRole(role, id++, accountId, persons[p + 2], "JOINT_OWNER", opened);
                    written++;
                }
                if (p % 10 == 7) {
                    event.setLong(1, id++);
                    event.setLong(2, persons[p]);
                    event.setDate(3, java.sql.Date.valueOf(today.minusDays(random.nextInt(120))));
                    event.setTimestamp(4, now);
                    event.addBatch();
                    written++;
                }
                if (p % 1000 == 999) {
                    member.executeBatch();
                    account.executeBatch();
                    role.executeBatch();
                    event.executeBatch();
                    c.commit();
                }
            }
            member.executeBatch();
            account.executeBatch();
            role.executeBatch();
            event.executeBatch();
            c.commit();
        }
        c.setAutoCommit(true);
        return written;
    }

    private static void addRole(PreparedStatement role, long id, long accountId, long partyId, String kind, java.sql.Date from) throws SQLException {
        role.setLong(1, id);
        role.setLong(2, accountId);
        role.setLong(3, partyId);
        role.setString(4, kind);
        role.setDate(5, from);
        role.addBatch();
    }

    interface RawRead {
        void read(Connection c, long id) throws SQLException;
    }

    /** The raw reads, one at a time for {@code roundSeconds} after as long a warm-up, {@code rounds} times; the median round. */
    private Stats measureRaw(Connection c, long[] ids, RawRead read) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Stats> results = new ArrayList<>();
        for (int round = -1; round < rounds; round++) {
            long deadline = System.nanoTime() + roundSeconds * 1_000_000_000L;
            long[] took = new long[1 << 16];
            int n = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < deadline) {
                long before = System.nanoTime();
                read.read(c, ids[random.nextInt(ids.length)]);
                if (n == took.length) {
                    took = java.util.Arrays.copyOf(took, n * 2);
                }
                took[n++] = System.nanoTime() - before;
            }
            Stats stats = Stats.of(took, n, 0, (System.nanoTime() - start) / 1e9);
            if (round >= 0) {
                results.add(stats);
                say("    raw round: %,.0f reads/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", stats.throughput(), stats.p50(), stats.p95(), stats.p99());
            }
        }
        return Stats.median(results);
    }

    // The pack's rollup SQL (RollupQueries), as the raw baseline of the same read.
    private static final String CURRENT = " AND %1$s.valid_from <= ? AND (%1$s.valid_thru IS NULL OR %1$s.valid_thru > ?)";
    private static final String ACCOUNTS = "SELECT a.currency, a.account_type, COUNT(*), SUM(a.balance), SUM(ABS(a.balance))"
            + " FROM banking_household_member m JOIN banking_account_role r ON r.party_id = m.party_id AND r.account_role = 'PRIMARY_OWNER'"
            + CURRENT.formatted("r") + " JOIN banking_account a ON a.id = r.account_id AND a.status <> 'CLOSED'"
            + " WHERE m.household_id = ? AND m.is_primary = ? GROUP BY a.currency, a.account_type";
    private static final String ASSETS = "SELECT x.currency, x.asset_kind, SUM(x.asset_value) FROM banking_household_member m"
            + " JOIN banking_asset x ON x.party_id = m.party_id WHERE m.household_id = ? AND m.is_primary = ? GROUP BY x.currency, x.asset_kind";
    private static final String SHARED = "SELECT a.id, a.account_number, a.account_type, r.party_id, p.party_id, pm.household_id"
            + " FROM banking_household_member m JOIN banking_account_role r ON r.party_id = m.party_id AND r.account_role IN ('PRIMARY_OWNER', 'JOINT_OWNER')"
            + CURRENT.formatted("r") + " JOIN banking_account a ON a.id = r.account_id AND a.status <> 'CLOSED'"
            + " JOIN banking_account_role p ON p.account_id = a.id AND p.account_role = 'PRIMARY_OWNER'" + CURRENT.formatted("p")
            + " LEFT JOIN banking_household_member pm ON pm.party_id = p.party_id AND pm.is_primary = ?"
            + " WHERE m.household_id = ? AND (pm.household_id IS NULL OR pm.household_id <> ?) ORDER BY a.id";

    private void rawRollup(Connection c, long household) throws SQLException {
        java.sql.Date today = java.sql.Date.valueOf(LocalDate.now());
        try (PreparedStatement q = c.prepareStatement(ACCOUNTS)) {
            q.setDate(1, today);
            q.setDate(2, today);
            q.setLong(3, household);
            q.setBoolean(4, true);
            drain(q);
        }
        try (PreparedStatement q = c.prepareStatement(ASSETS)) {
            q.setLong(1, household);
            q.setBoolean(2, true);
            drain(q);
        }
        try (PreparedStatement q = c.prepareStatement(SHARED)) {
            q.setDate(1, today);
            q.setDate(2, today);
            q.setDate(3, today);
            q.setDate(4, today);
            q.setBoolean(5, true);
            q.setLong(6, household);
            q.setLong(7, household);
            drain(q);
        }
    }

    /**
     * What an offer evaluation reads, in SQL: the active rules, the party's decisions, its accounts,
     * life events and recent activities, its primary household and that household's rollup.
     */
    private void rawOfferReads(Connection c, long party) throws SQLException {
        java.sql.Date today = java.sql.Date.valueOf(LocalDate.now());
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM banking_offer_rule WHERE active = ?")) {
            q.setBoolean(1, true);
            drain(q);
        }
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM banking_offer_decision WHERE party_id = ? ORDER BY decided_at")) {
            q.setLong(1, party);
            drain(q);
        }
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT a.* FROM banking_account_role r JOIN banking_account a ON a.id = r.account_id"
                + " WHERE a.status <> 'CLOSED' AND r.party_id = ? AND r.account_role IN ('PRIMARY_OWNER', 'JOINT_OWNER')"
                + " AND r.valid_from <= ? AND (r.valid_thru IS NULL OR r.valid_thru > ?)")) {
            q.setLong(1, party);
            q.setDate(2, today);
            q.setDate(3, today);
            drain(q);
        }
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM banking_life_event WHERE party_id = ? AND (expires_on IS NULL OR expires_on > ?)"
                + " ORDER BY occurred_on DESC")) {
            q.setLong(1, party);
            q.setDate(2, today);
            drain(q);
        }
        try (PreparedStatement q = c.prepareStatement("SELECT a.activity_type, a.channel, a.timeline_at FROM activity a JOIN activity_participant p"
                + " ON p.activity_id = a.id WHERE p.party_id = ? AND a.timeline_at >= ? ORDER BY a.timeline_at DESC")) {
            q.setLong(1, party);
            q.setTimestamp(2, java.sql.Timestamp.valueOf(LocalDate.now().minusDays(366).atStartOfDay()));
            drain(q);
        }
        long household = -1;
        try (PreparedStatement q = c.prepareStatement("SELECT household_id FROM banking_household_member WHERE party_id = ? AND is_primary = ?")) {
            q.setLong(1, party);
            q.setBoolean(2, true);
            try (ResultSet rows = q.executeQuery()) {
                if (rows.next()) {
                    household = rows.getLong(1);
                }
            }
        }
        rawRollup(c, household);
    }

    private static void drain(PreparedStatement q) throws SQLException {
        try (ResultSet rows = q.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    rows.getObject(i);
                }
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

    private static String latency(Stats s) {
        return String.format(Locale.ROOT, "p50 %.2f / p95 %.2f / p99 %.2f ms", s.p50(), s.p95(), s.p99());
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** NDJSON lines {@code from .. to-1}, produced as they are read. */
    private static final class Lines extends InputStream {
        private final LongFunction<String> line;
        private final long to;
        private long next;
        private byte[] current = new byte[0];
        private int position;

        Lines(long from, long to, LongFunction<String> line) {
            this.next = from;
            this.to = to;
            this.line = line;
        }

        private boolean fill() {
            if (position < current.length) {
                return true;
            }
            if (next >= to) {
                return false;
            }
            current = (line.apply(next++) + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int total = 0;
            while (total < len && fill()) {
                int n = Math.min(len - total, current.length - position);
                System.arraycopy(current, position, b, off + total, n);
                position += n;
                total += n;
            }
            return total == 0 ? -1 : total;
        }
    }
}
