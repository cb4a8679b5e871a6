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
        new Fixtures(api).perimeters(); // the agents' agencies, whichever suite runs first
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

    @Test
    public void aBatchScanFindsTheDuplicateSetAndADismissedSetIsNotProposedAgain() {
        String token = unique();
        String address = "scan." + token + "@example.com";
        String first = created(api.post("/v1/parties?allowDuplicates=true", personWithEmail("Sven", "Scan" + token, address)));
        String second = created(api.post("/v1/parties?allowDuplicates=true", personWithEmail("Sven", "Scanned" + token, address.toUpperCase())));

        Problems.assertNamesField(api.post("/v1/duplicate-scans", Api.object().put("partyType", "ROBOT")), 422, "partyType");
        assertEquals(403, agentA.post("/v1/duplicate-scans", Api.object()).status());
        JsonNode scan = finishedScan();
        assertTrue(scan.toString(), scan.path("candidatePairs").asLong() >= 1 && scan.path("sets").asLong() >= 1);
        JsonNode set = setHolding(scan.path("id").asText(), first);
        assertTrue("the set holds both parties: " + set, set.toString().contains("\"" + second + "\""));
        assertEquals("person-email", set.path("pairs").path(0).path("rule").asText());

        Api.Response dismissed = api.post("/v1/duplicate-scans/" + scan.path("id").asText() + "/sets/" + set.path("id").asText()
                + ":dismiss", Api.object());
        assertEquals(dismissed.toString(), 200, dismissed.status());
        assertEquals("DISMISSED", dismissed.json().path("status").asText());
        JsonNode again = finishedScan();
        assertTrue("a dismissed pair is not proposed again", setHolding(again.path("id").asText(), first).isMissingNode());
        assertTrue(again.toString(), again.path("dismissedPairs").asLong() >= 1);
    }

    /** Starts a scan of every party type and waits for its end. */
    private JsonNode finishedScan() {
        Api.Response started = api.post("/v1/duplicate-scans", Api.object());
        assertEquals(started.toString(), 202, started.status());
        String location = started.header("Location");
        assertTrue(location, location != null && location.endsWith("/v1/duplicate-scans/" + started.json().path("id").asText()));
        String path = "/v1/duplicate-scans/" + started.json().path("id").asText();
        JsonNode[] scan = new JsonNode[1];
        Waits.awaitTrue(() -> {
            scan[0] = api.get(path).json();
            return !scan[0].path("state").asText().matches("QUEUED|RUNNING");
        }, "scan " + path + " ends", 120);
        assertEquals(scan[0].toString(), "DONE", scan[0].path("state").asText());
        return scan[0];
    }

    /** The set of the scan that holds the party, walking every page; a missing node when none does. */
    private JsonNode setHolding(String scanId, String partyId) {
        String cursor = null;
        do {
            Api.Response page = api.get("/v1/duplicate-scans/" + scanId + "/sets?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(page.toString(), 200, page.status());
            for (JsonNode set : page.json().path("items")) {
                for (JsonNode member : set.path("members")) {
                    if (member.path("partyId").asText().equals(partyId)) {
                        return set;
                    }
                }
            }
            cursor = page.json().path("nextCursor").isTextual() ? page.json().path("nextCursor").asText() : null;
        } while (cursor != null);
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
