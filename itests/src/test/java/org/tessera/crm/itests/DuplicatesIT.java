package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.email;
import static org.tessera.crm.itests.Fixtures.person;
import static org.tessera.crm.itests.Fixtures.unique;

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
 * Duplicate detection over HTTP: the default rules active without setup, a warning answered with
 * the candidates and confirmed with allowDuplicates, a blocking rule, rule validation, the
 * caller's perimeter, and the import report.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DuplicatesIT {
    private static final String NDJSON = "application/x-ndjson";
    private final Api api = new Api();
    private final Api agentA = Api.as("it-agent-a", "it-agent-a");
    private final Api agentB = Api.as("it-agent-b", "it-agent-b");

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        api.awaitHealthy(60);
    }

    private static ObjectNode personWithEmail(String first, String last, String address) {
        ObjectNode body = person(first, last);
        body.putArray("contactMechanisms").add(email(address));
        return body;
    }

    private static String created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json().path("id").asText();
    }

    @Test
    public void theDefaultRulesAreActiveAndASameEmailIsWarnedWithTheCandidateUntilConfirmed() {
        JsonNode rules = api.get("/v1/duplicate-rules").json().path("items");
        boolean personEmail = false;
        for (JsonNode rule : rules) {
            personEmail |= "person-email".equals(rule.path("key").asText());
        }
        assertTrue(rules.toString(), personEmail);

        String token = unique();
        String stored = created(api.post("/v1/parties", personWithEmail("Hélène", "Doublon" + token, "helene." + token + "@example.com")));
        ObjectNode again = personWithEmail("Helene", "Doublon" + token, "Helene." + token + "@Example.com");

        Api.Response warned = api.post("/v1/parties", again);
        JsonNode problem = Problems.assertProblem(warned, 409);
        assertEquals("urn:tessera:problem:duplicate", problem.path("type").asText());
        assertTrue(problem.path("overridable").asBoolean());
        assertTrue(problem.path("confirm").asText().contains("allowDuplicates=true"));
        assertEquals(stored, problem.path("candidates").path(0).path("id").asText());
        assertEquals("person-email", problem.path("candidates").path(0).path("rule").asText());
        assertEquals("Hélène Doublon" + token, problem.path("candidates").path(0).path("displayName").asText());
        assertEquals(1.0, problem.path("candidates").path(0).path("score").asDouble(), 1e-9);

        String confirmed = created(api.post("/v1/parties?allowDuplicates=true", again));
        assertFalse(stored.equals(confirmed));
        Problems.assertNamesField(api.post("/v1/parties?allowDuplicates=maybe", again), 400, "allowDuplicates");
    }

    @Test
    public void aBlockingRuleRefusesEvenWhenDuplicatesAreAllowed() {
        String token = unique();
        String key = "it-block-" + token;
        ObjectNode rule = Api.object().put("partyType", "ORGANIZATION").put("action", "BLOCK").put("description", "IT");
        rule.putArray("fields").addObject().put("field", "registrationNumber").put("method", "NORMALIZED");
        Api.Response put = api.put("/v1/duplicate-rules/" + key, rule, null);
        assertEquals(put.toString(), 200, put.status());
        try {
            String stored = created(api.post("/v1/parties", Api.object().put("type", "ORGANIZATION")
                    .put("legalName", "Bloc " + token).put("registrationNumber", "RN-" + token)));
            Api.Response refused = api.post("/v1/parties?allowDuplicates=true", Api.object().put("type", "ORGANIZATION")
                    .put("legalName", "Autre " + token).put("registrationNumber", "rn " + token.toUpperCase()));
            JsonNode problem = Problems.assertProblem(refused, 409);
            assertEquals("urn:tessera:problem:duplicate-blocked", problem.path("type").asText());
            assertFalse(problem.path("overridable").asBoolean());
            assertEquals(stored, problem.path("candidates").path(0).path("id").asText());
            assertEquals(key, problem.path("candidates").path(0).path("rule").asText());
        } finally {
            assertEquals(204, api.delete("/v1/duplicate-rules/" + key).status());
        }
        Problems.assertProblem(api.get("/v1/duplicate-rules/" + key), 404);
    }

    @Test
    public void anInvalidRuleIsRefusedNamingTheField() {
        ObjectNode threshold = Api.object().put("partyType", "PERSON").put("action", "WARN");
        threshold.putArray("fields").add(Api.object().put("field", "email").put("method", "NORMALIZED"))
                .add(Api.object().put("field", "name").put("method", "FUZZY").put("threshold", 1.5));
        Problems.assertNamesField(api.put("/v1/duplicate-rules/it-bad", threshold, null), 422, "fields[1].threshold");

        ObjectNode unknown = Api.object().put("partyType", "PERSON").put("action", "WARN");
        unknown.putArray("fields").add(Api.object().put("field", "shoeSize").put("method", "EXACT"));
        Problems.assertNamesField(api.put("/v1/duplicate-rules/it-bad", unknown, null), 422, "fields[0].field");

        ObjectNode method = Api.object().put("partyType", "PERSON").put("action", "WARN");
        method.putArray("fields").add(Api.object().put("field", "email").put("method", "SOUNDEX"));
        Problems.assertProblem(api.put("/v1/duplicate-rules/it-bad", method, null), 400);
        Problems.assertProblem(api.get("/v1/duplicate-rules/it-bad"), 404);
        Problems.assertProblem(agentA.get("/v1/duplicate-rules"), 403);
    }

    @Test
    public void aCandidateOutsideTheAgentsPerimeterIsNotRevealed() {
        String token = unique();
        String address = "perimetre." + token + "@example.com";
        created(agentB.post("/v1/parties", personWithEmail("Bruno", "Secret" + token, address)));

        JsonNode problem = Problems.assertProblem(agentA.post("/v1/parties", personWithEmail("Anne", "Visible" + token, address)), 409);
        assertEquals(0, problem.path("candidates").size());
        assertEquals(1, problem.path("hiddenCandidates").asInt());
        assertTrue(problem.path("detail").asText(), problem.path("detail").asText().contains("outside your perimeter"));
        assertFalse(problem.toString().contains("Secret" + token));
        created(agentA.post("/v1/parties?allowDuplicates=true", personWithEmail("Anne", "Visible" + token, address)));
    }

    @Test
    public void theImportReportNamesTheCandidates() {
        String token = unique();
        String stored = created(api.post("/v1/parties", personWithEmail("Imre", "Import" + token, "imre." + token + "@example.com")));
        ObjectNode row = personWithEmail("Imre", "Autre" + token, "IMRE." + token + "@example.com");
        row.putObject("externalIds").put("it-dup", token);

        Api.Response report = api.sendBody("POST", "/v1/parties:import", row + "\n", NDJSON, null);
        assertEquals(report.toString(), 200, report.status());
        assertEquals(1, report.json().path("rejected").asInt());
        assertEquals(stored, report.json().path("errors").path(0).path("duplicateOf").path(0).asText());

        Api.Response allowed = api.sendBody("POST", "/v1/parties:import?allowDuplicates=true", row + "\n", NDJSON, null);
        assertEquals(allowed.toString(), 200, allowed.status());
        assertEquals(1, allowed.json().path("created").asInt());
        assertEquals(stored, allowed.json().path("duplicates").path(0).path("duplicateOf").path(0).asText());
    }
}
