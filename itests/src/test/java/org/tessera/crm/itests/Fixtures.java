package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds request bodies and the records a test needs, each with names unique to the test run. */
final class Fixtures {
    private final Api api;

    Fixtures(Api api) {
        this.api = api;
    }

    /** A short lower-case token, unique enough to make searches and filters specific to one test. */
    static String unique() {
        StringBuilder token = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            token.append((char) ('a' + random.nextInt(26)));
        }
        return token.toString();
    }

    static ObjectNode person(String firstName, String lastName) {
        ObjectNode person = Api.object().put("type", "PERSON").put("firstName", firstName).put("lastName", lastName);
        return person;
    }

    static ObjectNode email(String address) {
        return Api.object().put("type", "EMAIL").put("value", address).put("purpose", "WORK").put("primary", true);
    }

    JsonNode create(String path, JsonNode body) {
        Api.Response response = api.post(path, body);
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }

    JsonNode createParty(ObjectNode body) {
        return create("/v1/parties", body);
    }

    /** A new org unit under HQ and an agent in it; returns the agent. */
    JsonNode newAgent() {
        String token = unique();
        JsonNode hq = null;
        for (JsonNode unit : items(api.get("/v1/org-units"))) {
            if ("HQ".equals(unit.path("code").asText())) {
                hq = unit;
            }
        }
        assertTrue("HQ org unit is seeded", hq != null);
        JsonNode unit = create("/v1/org-units", Api.object().put("code", "T-" + token.toUpperCase())
                .put("name", "Agence " + token).put("parentId", hq.path("id").asText()));
        return create("/v1/agents", Api.object().put("login", "agent" + token).put("displayName", "Agent " + token)
                .put("orgUnitId", unit.path("id").asText()));
    }

    /**
     * The org units of the test users (TesseraContainer): the region of {@code it-manager} and
     * the agencies of {@code it-agent-a} and {@code it-agent-b} below it, created once per suite.
     */
    record Perimeters(String region, String agencyA, String agencyB) {
    }

    /** Creates the test users' org tree and agents unless an earlier test did. */
    Perimeters perimeters() {
        String region = orgUnit("IT-REGION", null);
        String agencyA = orgUnit("IT-AGENCY-A", region);
        String agencyB = orgUnit("IT-AGENCY-B", region);
        agent("it-agent-a", agencyA);
        agent("it-agent-b", agencyB);
        agent("it-manager", region);
        return new Perimeters(region, agencyA, agencyB);
    }

    /** The id of the org unit with this code, created under {@code parentId} (HQ when null) if missing. */
    String orgUnit(String code, String parentId) {
        for (JsonNode unit : items(api.get("/v1/org-units"))) {
            if (code.equals(unit.path("code").asText())) {
                return unit.path("id").asText();
            }
        }
        String parent = parentId;
        if (parent == null) {
            for (JsonNode unit : items(api.get("/v1/org-units"))) {
                if ("HQ".equals(unit.path("code").asText())) {
                    parent = unit.path("id").asText();
                }
            }
        }
        return create("/v1/org-units", Api.object().put("code", code).put("name", code).put("parentId", parent)).path("id").asText();
    }

    /** Makes {@code login} an agent of the org unit, unless it already is one. */
    void agent(String login, String orgUnitId) {
        for (JsonNode agent : items(api.get("/v1/agents"))) {
            if (login.equals(agent.path("login").asText())) {
                return;
            }
        }
        create("/v1/agents", Api.object().put("login", login).put("displayName", login).put("orgUnitId", orgUnitId));
    }

    static Iterable<JsonNode> items(Api.Response response) {
        assertEquals(response.toString(), 200, response.status());
        JsonNode json = response.json();
        return json.isArray() ? json : json.path("items");
    }
}
