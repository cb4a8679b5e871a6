package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Record scoping by org unit: two agents in sibling agencies and the manager of their region.
 * Each sees the parties of their own subtree; the rest answers 404 as if it did not exist.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ScopingIT {
    private final Api admin = new Api();
    private final Api agentA = Api.as("it-agent-a", "it-agent-a");
    private final Api agentB = Api.as("it-agent-b", "it-agent-b");
    private final Api manager = Api.as("it-manager", "it-manager");
    private String agencyA;
    private String agencyB;

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void orgTree() {
        admin.awaitHealthy(60);
        Fixtures.Perimeters perimeters = new Fixtures(admin).perimeters();
        agencyA = perimeters.agencyA();
        agencyB = perimeters.agencyB();
    }

    @Test
    public void anAgentSeesTheirAgencyAndTheManagerSeesBoth() {
        String word = Fixtures.unique();
        JsonNode ofA = created(agentA.post("/v1/parties", Fixtures.person("Anne", "Scope" + word)));
        assertEquals("an agent's party belongs to their org unit", agencyA, ofA.path("orgUnitId").asText());
        JsonNode ofB = created(agentB.post("/v1/parties", Fixtures.person("Bruno", "Scope" + word)));
        String a = ofA.path("id").asText();
        String b = ofB.path("id").asText();

        // direct reads
        assertEquals(200, agentA.get("/v1/parties/" + a).status());
        Problems.assertProblem(agentA.get("/v1/parties/" + b), 404);
        Problems.assertProblem(agentB.get("/v1/parties/" + a), 404);
        assertEquals(200, manager.get("/v1/parties/" + a).status());
        assertEquals(200, manager.get("/v1/parties/" + b).status());

        // search and lists
        assertEquals(1, agentA.get("/v1/parties?q=scope" + word).json().path("items").size());
        assertEquals(a, agentA.get("/v1/parties?q=scope" + word).json().path("items").get(0).path("id").asText());
        assertEquals(1, agentB.get("/v1/parties?q=scope" + word).json().path("items").size());
        assertEquals(2, manager.get("/v1/parties?q=scope" + word).json().path("items").size());
        assertEquals(2, admin.get("/v1/parties?q=scope" + word).json().path("items").size());
        assertEquals(0, agentA.get("/v1/parties?orgUnitId=" + agencyB).json().path("items").size());

        // timeline, relationships, roles
        assertEquals(200, agentA.get("/v1/parties/" + a + "/timeline").status());
        Problems.assertProblem(agentA.get("/v1/parties/" + b + "/timeline"), 404);
        Problems.assertProblem(agentA.get("/v1/parties/" + b + "/relationships"), 404);
        Problems.assertProblem(agentA.get("/v1/parties/" + b + "/roles"), 404);
        Problems.assertProblem(agentA.post("/v1/parties/" + a + "/relationships",
                Api.object().put("type", "KNOWS").put("toPartyId", b)), 404);

        // updates and deletes
        Problems.assertProblem(agentA.patch("/v1/parties/" + b, Api.object().put("jobTitle", "Intrus"), null), 404);
        Problems.assertProblem(agentA.put("/v1/parties/" + b, Fixtures.person("Bruno", "Intrus"), "\"1\""), 404);
        Problems.assertProblem(agentA.delete("/v1/parties/" + b), 404);
        // each refused write left the very field it tried to change
        JsonNode untouched = admin.get("/v1/parties/" + b).json();
        assertEquals("Bruno", untouched.path("firstName").asText());
        assertEquals("not the PUT's last name", "Scope" + word, untouched.path("lastName").asText());
        assertTrue("not the PATCH's job title: " + untouched, untouched.path("jobTitle").isMissingNode() || untouched.path("jobTitle").isNull());
        assertEquals("no new version", 1, untouched.path("version").asLong());
        assertEquals(200, manager.patch("/v1/parties/" + b, Api.object().put("jobTitle", "Gérant"), null).status());
        assertEquals(204, agentB.delete("/v1/parties/" + b).status());
        Problems.assertProblem(admin.get("/v1/parties/" + b), 404);
    }

    @Test
    public void activitiesFollowTheirParticipants() {
        String word = Fixtures.unique();
        String a = created(agentA.post("/v1/parties", Fixtures.person("Anne", "Act" + word))).path("id").asText();
        String b = created(agentB.post("/v1/parties", Fixtures.person("Bruno", "Act" + word))).path("id").asText();
        JsonNode call = created(agentA.post("/v1/activities", call("Appel " + word, a)));
        String id = call.path("id").asText();
        assertEquals(200, agentA.get("/v1/activities/" + id).status());
        assertEquals(200, manager.get("/v1/activities/" + id).status());
        Problems.assertProblem(agentB.get("/v1/activities/" + id), 404);
        Problems.assertProblem(agentB.patch("/v1/activities/" + id, Api.object().put("subject", "Intrus"), null), 404);
        Problems.assertProblem(agentB.delete("/v1/activities/" + id), 404);
        assertEquals(1, agentA.get("/v1/activities?partyId=" + a).json().path("items").size());
        assertEquals(0, agentB.get("/v1/activities?partyId=" + a).json().path("items").size());
        assertFalse(agentB.get("/v1/activities?limit=200").json().toString().contains("Appel " + word));
        // an agent may not involve a party they cannot see
        Problems.assertNamesField(agentB.post("/v1/activities", call("Intrusion " + word, a)), 422, "participants");
        assertEquals(201, agentB.post("/v1/activities", call("Mine " + word, b)).status());
    }

    private static ObjectNode call(String subject, String partyId) {
        ObjectNode activity = Api.object().put("type", "CALL").put("subject", subject).put("status", "DONE")
                .put("startAt", "2026-11-20T09:00:00Z");
        activity.putArray("participants").add(partyId);
        return activity;
    }

    @Test
    public void anAgentCannotPlaceARecordOutsideTheirPerimeter() {
        ObjectNode elsewhere = Fixtures.person("Claire", "Dehors" + Fixtures.unique());
        elsewhere.put("orgUnitId", agencyB);
        Problems.assertNamesField(agentA.post("/v1/parties", elsewhere), 422, "orgUnitId");
        JsonNode mine = created(agentA.post("/v1/parties", Fixtures.person("Claire", "Dedans" + Fixtures.unique())));
        Problems.assertNamesField(agentA.patch("/v1/parties/" + mine.path("id").asText(),
                Api.object().put("orgUnitId", agencyB), null), 422, "orgUnitId");
        // the manager may move it between the agencies of the region
        assertEquals(200, manager.patch("/v1/parties/" + mine.path("id").asText(),
                Api.object().put("orgUnitId", agencyB), null).status());
        Problems.assertProblem(agentA.get("/v1/parties/" + mine.path("id").asText()), 404);
    }

    @Test
    public void sensitiveFieldsAreNeitherShownNorWrittenWithoutThePermission() {
        ObjectNode body = Fixtures.person("Denise", "Sensible" + Fixtures.unique());
        body.put("birthDate", "1970-05-04").put("orgUnitId", agencyA);
        String id = created(admin.post("/v1/parties", body)).path("id").asText();
        JsonNode seenByAgent = agentA.get("/v1/parties/" + id).json();
        assertTrue(seenByAgent.toString(), seenByAgent.path("birthDate").isMissingNode() || seenByAgent.path("birthDate").isNull());
        assertEquals(200, agentA.patch("/v1/parties/" + id, Api.object().put("birthDate", "1999-01-01"), null).status());
        assertEquals("1970-05-04", admin.get("/v1/parties/" + id).json().path("birthDate").asText());
        assertEquals("the manager has the sensitive permission", "1970-05-04",
                manager.get("/v1/parties/" + id).json().path("birthDate").asText());
        assertFalse(agentA.get("/v1/parties?q=" + body.path("lastName").asText().toLowerCase()).json().toString().contains("1970"));
    }

    @Test
    public void anImportWithoutThePermissionNeitherWritesNorChangesSensitiveCustomFields() {
        String key = "risk" + Fixtures.unique();
        created(admin.post("/v1/custom-fields", Api.object().put("entityType", "PARTY").put("key", key)
                .put("type", "STRING").put("sensitive", true)));
        String token = Fixtures.unique();
        assertEquals(1, importing(admin, importRow(token, "1", key, "HIGH")).path("created").asInt());
        JsonNode byAgent = importing(agentA, importRow(token, "1", key, "LOW").put("jobTitle", "Notaire") + "\n"
                + importRow(token, "2", key, "HIGH"));
        assertEquals(byAgent.toString(), 1, byAgent.path("updated").asInt());
        assertEquals(byAgent.toString(), 1, byAgent.path("created").asInt());

        JsonNode updated = importedParty(token, "1");
        assertEquals("the rest of the row is written", "Notaire", updated.path("jobTitle").asText());
        assertEquals("the agent's import left the stored value alone", "HIGH", updated.path("customFields").path(key).asText());
        assertTrue("the agent's new party is created without it", importedParty(token, "2").path("customFields").path(key).isMissingNode());
    }

    private ObjectNode importRow(String token, String n, String key, String risk) {
        ObjectNode row = Fixtures.person("Denise", "Risk" + token);
        row.put("orgUnitId", agencyA);
        row.putObject("externalIds").put("it-scoping", token + "-" + n);
        row.putObject("customFields").put(key, risk);
        return row;
    }

    private static JsonNode importing(Api caller, String ndjson) {
        Api.Response report = caller.sendBody("POST", "/v1/parties:import", ndjson + "\n", "application/x-ndjson", null);
        assertEquals(report.toString(), 200, report.status());
        return report.json();
    }

    private static JsonNode importing(Api caller, ObjectNode row) {
        return importing(caller, row.toString());
    }

    /** The party imported with this external id, as the admin (who sees every field) reads it. */
    private JsonNode importedParty(String token, String n) {
        for (JsonNode party : Fixtures.items(admin.get("/v1/parties?limit=200&q=risk" + token))) {
            if ((token + "-" + n).equals(party.path("externalIds").path("it-scoping").asText())) {
                return admin.get("/v1/parties/" + party.path("id").asText()).json();
            }
        }
        throw new AssertionError("no party imported as " + token + "-" + n);
    }

    private static JsonNode created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }
}
