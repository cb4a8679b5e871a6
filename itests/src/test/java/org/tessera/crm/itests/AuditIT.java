package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;

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
 * The audit trail of create, patch and delete, its masking, its read-only API, a module's mutations
 * audited through the core; and mass assignment.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AuditIT {
    private final Api admin = new Api();

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        admin.awaitHealthy(60);
    }

    @Test
    public void createPatchAndDeleteAreAuditedWithTheirFieldDiffs() {
        String lastName = "Audit" + Fixtures.unique();
        ObjectNode body = Fixtures.person("Émile", lastName);
        body.put("birthDate", "1980-02-03").put("jobTitle", "Boulanger");
        JsonNode party = admin.post("/v1/parties", body).json();
        String id = party.path("id").asText();
        assertEquals(200, admin.patch("/v1/parties/" + id, Api.object().put("jobTitle", "Pâtissier")
                .put("birthDate", "1981-02-03"), null).status());

        JsonNode history = admin.get("/v1/parties/" + id + "/history").json().path("items");
        assertEquals(history.toString(), 2, history.size());
        JsonNode update = history.get(0);
        assertEquals("UPDATE", update.path("action").asText());
        assertEquals("admin", update.path("userId").asText());
        Map<String, JsonNode> changes = byField(update);
        assertEquals("Boulanger", changes.get("jobTitle").path("oldValue").asText());
        assertEquals("Pâtissier", changes.get("jobTitle").path("newValue").asText());
        assertEquals("a sensitive value is masked", "***", changes.get("birthDate").path("oldValue").asText());
        assertEquals("***", changes.get("birthDate").path("newValue").asText());
        assertTrue("unchanged fields are not listed: " + changes.keySet(), !changes.containsKey("firstName"));
        JsonNode create = history.get(1);
        assertEquals("CREATE", create.path("action").asText());
        assertEquals(lastName, byField(create).get("lastName").path("newValue").asText());
        assertTrue(absent(byField(create).get("lastName").path("oldValue")));
        assertTrue("bookkeeping fields are not audited", !byField(create).containsKey("version"));

        assertEquals(204, admin.delete("/v1/parties/" + id).status());
        JsonNode all = admin.get("/v1/audit?entityType=PARTY&entityId=" + id).json().path("items");
        assertEquals(all.toString(), 3, all.size());
        JsonNode delete = all.get(0);
        assertEquals("DELETE", delete.path("action").asText());
        assertEquals("Pâtissier", byField(delete).get("jobTitle").path("oldValue").asText());
        assertTrue(absent(byField(delete).get("jobTitle").path("newValue")));

        assertEquals(3, admin.get("/v1/audit?entityType=PARTY&entityId=" + id + "&userId=admin").json().path("items").size());
        assertEquals(0, admin.get("/v1/audit?entityType=PARTY&entityId=" + id + "&userId=mdupont").json().path("items").size());
        assertEquals(0, admin.get("/v1/audit?entityType=PARTY&entityId=" + id + "&from=2100-01-01T00:00:00Z").json().path("items").size());
        assertEquals(3, admin.get("/v1/audit?entityType=PARTY&entityId=" + id + "&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")
                .json().path("items").size());
    }

    @Test
    public void activitiesAndOrgUnitsAreAuditedToo() {
        String partyId = admin.post("/v1/parties", Fixtures.person("Gaston", "Audit" + Fixtures.unique())).json().path("id").asText();
        ObjectNode call = Api.object().put("type", "CALL").put("subject", "Relance").put("status", "DONE")
                .put("startAt", "2026-11-20T09:00:00Z");
        call.putArray("participants").add(partyId);
        String activityId = admin.post("/v1/activities", call).json().path("id").asText();
        assertEquals(200, admin.patch("/v1/activities/" + activityId, Api.object().put("subject", "Relance 2"), null).status());
        JsonNode records = admin.get("/v1/audit?entityType=ACTIVITY&entityId=" + activityId).json().path("items");
        assertEquals(records.toString(), 2, records.size());
        assertEquals("Relance 2", byField(records.get(0)).get("subject").path("newValue").asText());
        String code = "AUD-" + Fixtures.unique().toUpperCase();
        String unitId = admin.post("/v1/org-units", Api.object().put("code", code).put("name", code)).json().path("id").asText();
        assertEquals(code, byField(admin.get("/v1/audit?entityType=ORG_UNIT&entityId=" + unitId).json().path("items").get(0))
                .get("code").path("newValue").asText());
    }

    @Test
    public void salesOpportunitiesAreAuditedThroughTheCoreRecorder() {
        String accountId = new Fixtures(admin).createParty(Api.object().put("type", "ORGANIZATION")
                .put("legalName", "Audit " + Fixtures.unique())).path("id").asText();
        Api.Response created = admin.post("/v1/sales/opportunities", Api.object().put("accountId", accountId)
                .put("name", "Cuves").put("currency", "EUR").put("amount", 1000));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().path("id").asText();
        assertEquals(200, admin.patch("/v1/sales/opportunities/" + id, Api.object().put("name", "Cuves inox")
                .put("stage", "PROPOSAL"), null).status());

        JsonNode records = admin.get("/v1/audit?entityType=OPPORTUNITY&entityId=" + id).json().path("items");
        assertEquals(records.toString(), 2, records.size());
        JsonNode update = records.get(0);
        assertEquals("UPDATE", update.path("action").asText());
        assertEquals("admin", update.path("userId").asText());
        Map<String, JsonNode> changes = byField(update);
        assertEquals("Cuves", changes.get("name").path("oldValue").asText());
        assertEquals("Cuves inox", changes.get("name").path("newValue").asText());
        assertEquals("PROSPECTING", changes.get("stage").path("oldValue").asText());
        assertEquals("PROPOSAL", changes.get("stage").path("newValue").asText());
        assertTrue("unchanged fields are not listed: " + changes.keySet(), !changes.containsKey("accountId"));
        JsonNode create = records.get(1);
        assertEquals("CREATE", create.path("action").asText());
        assertEquals("Cuves", byField(create).get("name").path("newValue").asText());
        assertTrue("bookkeeping fields are not audited", !byField(create).containsKey("version"));

        assertEquals(204, admin.delete("/v1/sales/opportunities/" + id).status());
        JsonNode delete = admin.get("/v1/audit?entityType=OPPORTUNITY&entityId=" + id).json().path("items").get(0);
        assertEquals("DELETE", delete.path("action").asText());
        assertEquals("Cuves inox", byField(delete).get("name").path("oldValue").asText());
    }

    @Test
    public void roleGrantsAndDisabledLoginsAreAudited() {
        String role = "it-audited-" + Fixtures.unique().toLowerCase(java.util.Locale.ROOT);
        try {
            assertEquals(204, admin.put("/v1/security/roles/" + role,
                    Api.object().set("permissions", Api.parse("[\"core.party.read\"]")), null).status());
            assertEquals(204, admin.put("/v1/security/roles/" + role,
                    Api.object().set("permissions", Api.parse("[\"core.party.read\", \"core.audit.read\"]")), null).status());
            JsonNode records = admin.get("/v1/audit?entityType=ROLE&entityId=" + role).json().path("items");
            assertEquals(records.toString(), 2, records.size());
            assertEquals("UPDATE", records.get(0).path("action").asText());
            assertEquals("core.audit.read,core.party.read", byField(records.get(0)).get("permissions").path("newValue").asText());
            assertEquals("CREATE", records.get(1).path("action").asText());
        } finally {
            admin.delete("/v1/security/roles/" + role);
        }
        assertEquals("DELETE", admin.get("/v1/audit?entityType=ROLE&entityId=" + role).json().path("items").get(0).path("action").asText());
    }

    @Test
    public void theAuditCannotBeChangedThroughTheApi() {
        assertEquals(405, admin.post("/v1/audit", Api.object().put("action", "DELETE")).status());
        assertEquals(405, admin.delete("/v1/audit").status());
        Problems.assertProblem(Api.as("mdupont", "mdupont").get("/v1/audit"), 403);
        // a manager may read audit records but sees only a region: the whole trail, every record's values, is not theirs
        Api.Response restricted = Api.as("it-manager", "it-manager").get("/v1/audit");
        Problems.assertProblem(restricted, 403);
        assertTrue(restricted.toString(), restricted.toString().contains("all-records"));
    }

    @Test
    public void aRestrictedReaderGetsNoTrailAndTheHistoryOfTheirPerimeterOnly() {
        Fixtures fixtures = new Fixtures(admin);
        Fixtures.Perimeters perimeters = fixtures.perimeters();
        String hq = fixtures.orgUnit("HQ", null);
        ObjectNode inRegion = Fixtures.person("Gaëlle", "Region" + Fixtures.unique());
        inRegion.put("orgUnitId", perimeters.agencyA()).put("jobTitle", "Caviste").put("birthDate", "1975-06-07");
        String own = admin.post("/v1/parties", inRegion).json().path("id").asText();
        assertEquals(200, admin.patch("/v1/parties/" + own, Api.object().put("jobTitle", "Sommelière"), null).status());
        ObjectNode atHq = Fixtures.person("Hervé", "Siege" + Fixtures.unique());
        atHq.put("orgUnitId", hq).put("jobTitle", "Directeur");
        String elsewhere = admin.post("/v1/parties", atHq).json().path("id").asText();

        Api manager = Api.as("it-manager", "it-manager"); // core.audit.read, scoped to IT-REGION
        Problems.assertProblem(manager.get("/v1/audit"), 403);
        Problems.assertProblem(manager.get("/v1/audit?entityType=PARTY&entityId=" + elsewhere), 403);
        Api.Response history = manager.get("/v1/parties/" + own + "/history");
        assertEquals(history.toString(), 200, history.status());
        assertEquals(2, history.json().path("items").size());
        assertEquals("Sommelière", byField(history.json().path("items").get(0)).get("jobTitle").path("newValue").asText());
        Api.Response hidden = manager.get("/v1/parties/" + elsewhere + "/history");
        Problems.assertProblem(hidden, 404);
        assertTrue("nothing of the hidden party's values leaks", !hidden.raw().body().contains("Directeur"));
        // an agent may not read the trail at all, not even of their own perimeter
        Problems.assertProblem(Api.as("it-agent-a", "it-agent-a").get("/v1/parties/" + own + "/history"), 403);
    }

    @Test
    public void serverOwnedFieldsSentByAClientAreIgnored() {
        ObjectNode body = Fixtures.person("Fanny", "Assign" + Fixtures.unique());
        body.put("id", "424242").put("version", 99).put("createdAt", "2001-01-01T00:00:00Z")
                .put("updatedAt", "2001-01-01T00:00:00Z").put("displayName", "Forged");
        JsonNode party = admin.post("/v1/parties", body).json();
        assertNotEquals("424242", party.path("id").asText());
        assertEquals(1, party.path("version").asLong());
        assertTrue(party.toString(), party.path("createdAt").asText().compareTo("2020") > 0);
        assertNotEquals("Forged", party.path("displayName").asText());
        String id = party.path("id").asText();
        JsonNode patched = admin.patch("/v1/parties/" + id, Api.object().put("id", "1").put("version", 50)
                .put("createdAt", "2001-01-01T00:00:00Z").put("jobTitle", "Vendeuse"), null).json();
        assertEquals(id, patched.path("id").asText());
        assertEquals(2, patched.path("version").asLong());
        assertEquals(party.path("createdAt").asText(), patched.path("createdAt").asText());
    }

    /** Null values are left out of the JSON. */
    private static boolean absent(JsonNode value) {
        return value.isMissingNode() || value.isNull();
    }

    private static Map<String, JsonNode> byField(JsonNode record) {
        Map<String, JsonNode> changes = new HashMap<>();
        record.path("changes").forEach(change -> changes.put(change.path("field").asText(), change));
        return changes;
    }
}
