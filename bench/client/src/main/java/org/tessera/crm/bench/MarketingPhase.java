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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The marketing phase: a segment count (classification + custom picklist + owner) and the
 * materialization of a segment (about 100,000 parties: custom number below a threshold) into a
 * campaign's members, over REST; then, with the server stopped, the same criteria as hand-written SQL
 * on the same Derby database (the raw limit), so that each figure stands beside its baseline.
 */
final class MarketingPhase {
    /** The count's criteria, as the segment's JSON and as the SQL a DBA would write for them. */
    private static final String RAW_COUNT = "SELECT COUNT(*) FROM party p"
            + " JOIN party_classification pc ON pc.party_id = p.id AND pc.code = 'CUSTOMER'"
            + " JOIN custom_value cv ON cv.entity_type = 'PARTY' AND cv.entity_id = p.id AND cv.field_key = 'segment' AND cv.text_value = 'GOLD'"
            + " WHERE p.owner_id = ?";
    private static final String RAW_MATERIALIZE = "INSERT INTO bench_member (campaign_id, party_id)"
            + " SELECT 1, p.id FROM party p JOIN custom_value cv ON cv.entity_type = 'PARTY' AND cv.entity_id = p.id"
            + " AND cv.field_key = 'score' AND cv.number_value < ";

    /** The score below which about 100,000 of {@code parties} fall (the generator's scores are uniform over 0 to 99), at most 100. */
    static int scoreBelowFor(long parties) {
        return (int) Math.max(1, Math.min(100, Math.round(100.0 * 100_000 / Math.max(1, parties))));
    }

    /** What the API did. */
    record Api(String owner, double[] countMillis, long count, long added, double materializeSeconds) {
    }

    /** What the raw SQL did on the same database. */
    record Raw(double[] countMillis, long count, long inserted, double materializeSeconds) {
    }

    private MarketingPhase() {
    }

    /** The owner of the count's criteria: the owner of the first party (the data set spreads parties evenly over its agents). */
    static Api overApi(Http http, ObjectMapper mapper, int samples, int scoreBelow) throws IOException, InterruptedException {
        String owner = http.getJson("/v1/parties?limit=1").path("items").path(0).path("ownerId").asText();
        Map<String, Object> countCriteria = Map.of("and", List.of(
                Map.of("field", "classification", "op", "eq", "value", "CUSTOMER"),
                Map.of("field", "customFields.segment", "op", "eq", "value", "GOLD"),
                Map.of("field", "ownerId", "op", "eq", "value", owner)));
        String countSegment = created(mapper, http.postJson("/v1/marketing/segments",
                Map.of("name", "Bench gold customers of one owner", "criteria", countCriteria)));
        long count = -1;
        double[] millis = new double[samples + 3];
        for (int i = 0; i < millis.length; i++) { // the first three warm the server's caches up and are left out
            long start = System.nanoTime();
            count = http.getJson("/v1/marketing/segments/" + countSegment + "/count").path("count").asLong();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Map<String, Object> scoreCriteria = Map.of("field", "customFields.score", "op", "lt", "value", scoreBelow);
        String scoreSegment = created(mapper, http.postJson("/v1/marketing/segments", Map.of("name", "Bench score below " + scoreBelow,
                "criteria", scoreCriteria)));
        String campaign = created(mapper, http.postJson("/v1/marketing/campaigns", Map.of("name", "Bench campaign", "type", "PHONE")));
        long start = System.nanoTime();
        HttpResponse<String> added = http.postJson("/v1/marketing/campaigns/" + campaign + "/members/from-segment",
                Map.of("segmentId", scoreSegment));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (added.statusCode() != 200) {
            throw new IOException("materialization: " + added.statusCode() + " " + added.body());
        }
        return new Api(owner, sorted(Arrays.copyOfRange(millis, 3, millis.length)), count,
                mapper.readTree(added.body()).path("added").asLong(), seconds);
    }

    static Raw raw(Path database, long owner, int samples, int scoreBelow) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:derby:" + database.toAbsolutePath())) {
            long count = -1;
            double[] millis = new double[samples + 3];
            try (PreparedStatement query = connection.prepareStatement(RAW_COUNT)) {
                query.setLong(1, owner);
                for (int i = 0; i < millis.length; i++) {
                    long start = System.nanoTime();
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        count = rows.getLong(1);
                    }
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE bench_member (campaign_id BIGINT NOT NULL, party_id BIGINT NOT NULL, PRIMARY KEY (campaign_id, party_id))");
                connection.commit();
                long start = System.nanoTime();
                long inserted = sql.executeUpdate(RAW_MATERIALIZE + scoreBelow);
                connection.commit();
                double seconds = (System.nanoTime() - start) / 1e9;
                sql.execute("DROP TABLE bench_member");
                connection.commit();
                return new Raw(sorted(Arrays.copyOfRange(millis, 3, millis.length)), count, inserted, seconds);
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (SQLException expected) {
                // Derby answers a shutdown with an exception (XJ015)
            }
        }
    }

    static double p(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static String created(ObjectMapper mapper, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 201) {
            throw new IOException(response.statusCode() + " " + response.body());
        }
        JsonNode body = mapper.readTree(response.body());
        return body.path("id").asText();
    }
}
