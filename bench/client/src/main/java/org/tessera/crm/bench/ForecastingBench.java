package org.tessera.crm.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The forecasting phase: {@code owners} agents in a 4-level hierarchy (1 director, 4 division
 * managers, 20 area managers, the rest reps), each holding a forecast position and owning an equal
 * share of {@code opportunities} deals that all close in one quarter. The deals are written with
 * plain JDBC into the server's own (stopped) database, the fast way to seed them; the raw baseline
 * is the grouped SQL the sales reader sends, run on that same database with the same index; the
 * server's figures are the top position's rollup over REST and submits.
 */
final class ForecastingBench {
    /** The stages of the default pipeline with their probability and forecast category. */
    private static final String[][] STAGES = {
        {"PROSPECTING", "10", "PIPELINE"}, {"QUALIFICATION", "20", "PIPELINE"}, {"NEEDS_ANALYSIS", "30", "PIPELINE"},
        {"VALUE_PROPOSITION", "50", "BEST_CASE"}, {"PROPOSAL", "70", "BEST_CASE"}, {"NEGOTIATION", "90", "COMMIT"},
        {"CLOSED_WON", "100", "CLOSED"}, {"CLOSED_LOST", "0", "OMITTED"}};
    private static final int FISCAL_YEAR = 2031;
    private static final LocalDate QUARTER_START = LocalDate.of(FISCAL_YEAR, 1, 1);
    /** The grouped read of OpportunityForecastReader.totals, as SQL. */
    static final String AGGREGATE = "SELECT owner_id, forecast_category, currency, COUNT(id), SUM(amount), SUM(amount * probability) "
            + "FROM sales_opportunity WHERE owner_id IN (%s) AND expected_close_date >= ? AND expected_close_date <= ? "
            + "GROUP BY owner_id, forecast_category, currency";
    /** The read of the same totals from sales' forecast summary (per owner, month, category, currency), as the reader sends it for whole months. */
    static final String SUMMARY = "SELECT owner_id, forecast_category, currency, SUM(deal_count), SUM(amount_sum), SUM(weighted_sum) "
            + "FROM sales_forecast_total WHERE owner_id IN (%s) AND close_month >= ? AND close_month <= ? "
            + "GROUP BY owner_id, forecast_category, currency HAVING SUM(deal_count) > 0";

    private final Http http;
    private final ObjectMapper mapper;
    private final long seed;
    private final int owners;
    private final int opportunities;
    /** Agent id of each position, top down. */
    private final List<String> agents = new ArrayList<>();
    private final List<String> positions = new ArrayList<>();
    private String quarter;
    private String account;

    ForecastingBench(Http http, ObjectMapper mapper, long seed, int owners, int opportunities) {
        this.http = http;
        this.mapper = mapper;
        this.seed = seed;
        this.owners = owners;
        this.opportunities = opportunities;
    }

    /**
     * Right after a boot forecasting answers 404 until its resources joined its application, then 503
     * until sales has started and its reader is bound (the health check answers before both): wait
     * for it, two minutes at most.
     */
    void awaitForecasting() throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        HttpResponse<String> response = http.getString("/v1/forecasting/positions");
        while ((response.statusCode() == 503 || response.statusCode() == 404) && System.nanoTime() < until) {
            Thread.sleep(500);
            response = http.getString("/v1/forecasting/positions");
        }
        if (response.statusCode() != 200) {
            throw new IOException("forecasting does not serve after the boot: " + response.statusCode() + " " + response.body());
        }
    }

    /** Agents, positions, the fiscal year's periods and an account, over REST; idempotent. */
    void setUpHierarchy() throws IOException, InterruptedException {
        awaitForecasting();
        Map<String, String> byLogin = new HashMap<>();
        for (JsonNode agent : http.getJson("/v1/agents?limit=200").path("items")) {
            byLogin.put(agent.path("login").asText(), agent.path("id").asText());
        }
        Map<String, String> positionOf = new HashMap<>();
        for (JsonNode p : http.getJson("/v1/forecasting/positions").path("items")) {
            positionOf.put(p.path("agentId").asText(), p.path("id").asText());
        }
        for (int i = 0; i < owners; i++) {
            String login = "forecaster" + i;
            String agent = byLogin.get(login);
            if (agent == null) {
                agent = created(http.postJson("/v1/agents", Map.of("login", login, "displayName", "Forecaster " + i, "orgUnitId", "1")));
            }
            agents.add(agent);
            String position = positionOf.get(agent);
            if (position == null) {
                Map<String, Object> body = new HashMap<>(Map.of("name", level(i) + " " + i, "agentId", agent));
                if (i > 0) {
                    body.put("parentId", positions.get(parentIndex(i)));
                }
                position = created(http.postJson("/v1/forecasting/positions", body));
            }
            positions.add(position);
        }
        for (JsonNode period : mapper.readTree(http.postJson("/v1/forecasting/periods", Map.of("fiscalYear", FISCAL_YEAR)).body()).path("items")) {
            if (period.path("name").asText().equals("FY" + FISCAL_YEAR + "-Q1")) {
                quarter = period.path("id").asText();
            }
        }
        account = created(http.postJson("/v1/parties", Map.of("type", "ORGANIZATION", "legalName", "Forecast bench account")));
    }

    /** 1 director, 4 division managers under it, 20 area managers (5 each), the reps spread over the area managers. */
    static int parentIndex(int i) {
        if (i <= 4) {
            return 0;
        }
        if (i <= 24) {
            return 1 + (i - 5) / 5;
        }
        return 5 + (i - 25) % 20;
    }

    private static String level(int i) {
        return i == 0 ? "Director" : i <= 4 ? "Division manager" : i <= 24 ? "Area manager" : "Rep";
    }

    /** Writes the deals into the stopped server's database; seconds. */
    double seed(String url) throws SQLException {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            long pipeline;
            try (ResultSet rows = c.createStatement().executeQuery("SELECT MIN(id) FROM sales_pipeline")) {
                rows.next();
                pipeline = rows.getLong(1);
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO sales_opportunity (id, version, account_id, name, pipeline_id, "
                    + "stage, probability, forecast_category, status, amount, currency, expected_close_date, owner_id, created_at, updated_at) "
                    + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int n = 0; n < opportunities; n++) {
                    String[] stage = STAGES[random.nextInt(STAGES.length)];
                    insert.setLong(1, 50_000_000L + n);   // far above the sequence the server allocates from
                    insert.setLong(2, Long.parseLong(account));
                    insert.setString(3, "Forecast deal " + n);
                    insert.setLong(4, pipeline);
                    insert.setString(5, stage[0]);
                    insert.setInt(6, Integer.parseInt(stage[1]));
                    insert.setString(7, stage[2]);
                    insert.setString(8, stage[0].equals("CLOSED_WON") ? "WON" : stage[0].equals("CLOSED_LOST") ? "LOST" : "OPEN");
                    insert.setBigDecimal(9, BigDecimal.valueOf(1000 + random.nextInt(99_000), 0));
                    insert.setString(10, random.nextInt(10) == 0 ? "USD" : "EUR");
                    insert.setDate(11, Date.valueOf(QUARTER_START.plusDays(random.nextInt(90))));
                    insert.setLong(12, Long.parseLong(agents.get(n % owners)));
                    insert.setTimestamp(13, now);
                    insert.setTimestamp(14, now);
                    insert.addBatch();
                    if (n % 1000 == 999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@code sql} ({@link #AGGREGATE} or {@link #SUMMARY}) over every owner for the quarter, {@code runs} times; each run's milliseconds. */
    double[] rawAggregate(String url, String sql, int runs) throws SQLException {
        double[] millis = new double[runs];
        String in = agents.stream().map(a -> "?").collect(Collectors.joining(","));
        try (Connection c = DriverManager.getConnection(url); PreparedStatement query = c.prepareStatement(String.format(Locale.ROOT, sql, in))) {
            for (int i = 0; i < agents.size(); i++) {
                query.setLong(i + 1, Long.parseLong(agents.get(i)));
            }
            query.setDate(agents.size() + 1, Date.valueOf(QUARTER_START));
            query.setDate(agents.size() + 2, Date.valueOf(QUARTER_START.plusMonths(3).minusDays(1)));
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                int groups = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        groups++;
                    }
                }
                millis[run] = (System.nanoTime() - start) / 1e6;
                if (groups == 0) {
                    throw new IllegalStateException("the raw aggregate found nothing");
                }
            }
        }
        return millis;
    }

    /** The top position's rollup for the quarter over REST, live figures, {@code runs} times; milliseconds. */
    double[] rollup(int runs) throws IOException, InterruptedException {
        String path = "/v1/forecasting/forecasts?positionId=" + positions.get(0) + "&periodId=" + quarter + "&rollupSource=LIVE";
        double[] millis = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.getString(path);
            millis[run] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
            }
            if (run == 0) {
                JsonNode total = mapper.readTree(response.body()).path("total");
                long count = 0;
                for (JsonNode line : total) {
                    count += line.path("count").asLong();
                }
                if (count != opportunities) {
                    throw new IllegalStateException("the top rollup counts " + count + " deals, not " + opportunities);
                }
            }
        }
        return millis;
    }

    /** Submits of the position at {@code index} (0: the director, whose submit rolls up every subordinate); milliseconds. */
    double[] submits(int index, int runs) throws IOException, InterruptedException {
        double[] millis = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.postJson("/v1/forecasting/forecasts/submit",
                    Map.of("positionId", positions.get(index), "periodId", quarter));
            millis[run] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 201) {
                throw new IOException("submit: " + response.statusCode() + " " + response.body());
            }
        }
        return millis;
    }

    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** The server's JDBC URL of its embedded Derby, for the bench JVM once the server is stopped. */
    static String databaseUrl(Path dist) {
        return "jdbc:derby:" + dist.resolve("data/tessera/db");
    }

    private String created(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 201) {
            throw new IOException(response.statusCode() + " " + response.body());
        }
        return mapper.readTree(response.body()).path("id").asText();
    }
}
