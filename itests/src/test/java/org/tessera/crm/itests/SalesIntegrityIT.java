package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Problems.assertNamesField;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * What keeps data whole across the core and sales: sales records scoped for restricted callers,
 * DELETE preconditions, the records that keep a party or a deal from being deleted, concurrent
 * lead conversions, and filters on sensitive fields.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SalesIntegrityIT {
    private final Api admin = new Api();
    private final Api agentA = Api.as("it-agent-a", "it-agent-a");
    private final Api agentB = Api.as("it-agent-b", "it-agent-b");
    private final Api manager = Api.as("it-manager", "it-manager");

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void orgTree() {
        admin.awaitHealthy(60);
        new Fixtures(admin).perimeters();
    }

    @Test
    public void salesRecordsOfAnotherAgencyDoNotExistForAnAgent() {
        String word = Fixtures.unique();
        String account = created(agentA.post("/v1/parties", Api.object().put("type", "ORGANIZATION")
                .put("legalName", "Domaine " + word))).path("id").asText();
        String lead = created(agentA.post("/v1/sales/leads", Api.object().put("partyId", account).put("source", "WEB"))).path("id").asText();
        String deal = created(agentA.post("/v1/sales/opportunities", Api.object().put("accountId", account)
                .put("name", "Vendanges " + word).put("currency", "EUR").put("amount", 1000))).path("id").asText();
        String quote = created(agentA.post("/v1/sales/quotes", Api.object().put("opportunityId", deal))).path("id").asText();

        // the agent of the sibling agency: neither listed, nor read, nor written
        assertEquals(0, agentB.get("/v1/sales/leads?partyId=" + account).json().path("items").size());
        assertTrue(!agentB.get("/v1/sales/leads?limit=200").json().toString().contains("\"" + lead + "\""));
        assertEquals(0, agentB.get("/v1/sales/opportunities?accountId=" + account).json().path("items").size());
        assertEquals(0, agentB.get("/v1/sales/quotes?opportunityId=" + deal).json().path("items").size());
        assertTrue(!agentB.get("/v1/search?q=vendanges+" + word).json().toString().contains(deal));
        assertProblem(agentB.get("/v1/sales/leads/" + lead), 404);
        assertProblem(agentB.get("/v1/sales/opportunities/" + deal), 404);
        assertProblem(agentB.get("/v1/sales/quotes/" + quote), 404);
        assertProblem(agentB.patch("/v1/sales/leads/" + lead, Api.object().put("source", "INTRUS"), null), 404);
        assertProblem(agentB.post("/v1/sales/leads/" + lead + "/outcomes", Api.object().put("outcome", "NO_ANSWER")), 404);
        assertProblem(agentB.post("/v1/sales/leads/" + lead + "/convert", Api.object()), 404);
        assertProblem(agentB.patch("/v1/sales/opportunities/" + deal, Api.object().put("name", "Intrus"), null), 404);
        assertProblem(agentB.patch("/v1/sales/quotes/" + quote, Api.object().put("name", "Intrus"), null), 404);
        assertProblem(agentB.delete("/v1/sales/quotes/" + quote), 404);
        assertProblem(agentB.delete("/v1/sales/opportunities/" + deal), 404);
        assertProblem(agentB.delete("/v1/sales/leads/" + lead), 404);
        assertNamesField(agentB.post("/v1/sales/leads", Api.object().put("partyId", account)), 422, "partyId");
        assertNamesField(agentB.post("/v1/sales/opportunities", Api.object().put("accountId", account).put("name", "Intrus")),
                422, "accountId");

        // their regional manager sees all of it; the refused writes changed nothing
        assertEquals(200, manager.get("/v1/sales/leads/" + lead).status());
        assertEquals(1, manager.get("/v1/sales/quotes?opportunityId=" + deal).json().path("items").size());
        assertEquals("WEB", admin.get("/v1/sales/leads/" + lead).json().path("source").asText());
        assertEquals("Vendanges " + word, admin.get("/v1/sales/opportunities/" + deal).json().path("name").asText());
        assertTrue(!"Intrus".equals(admin.get("/v1/sales/quotes/" + quote).json().path("name").asText()));
        assertTrue(admin.get("/v1/sales/leads/" + lead).json().path("lastOutcome").isMissingNode());
    }

    @Test
    public void deleteTakesIfMatchOnEveryRecord() {
        String party = created(admin.post("/v1/parties", Fixtures.person("Ida", "Precond" + Fixtures.unique()))).path("id").asText();
        ObjectNode call = Api.object().put("type", "CALL").put("subject", "Appel").put("status", "DONE")
                .put("startAt", "2026-11-20T09:00:00Z");
        call.putArray("participants").add(party);
        String activity = created(admin.post("/v1/activities", call)).path("id").asText();
        String account = created(admin.post("/v1/parties", Api.object().put("type", "ORGANIZATION")
                .put("legalName", "Precond " + Fixtures.unique()))).path("id").asText();
        String lead = created(admin.post("/v1/sales/leads", Api.object().put("partyId", account))).path("id").asText();
        String deal = created(admin.post("/v1/sales/opportunities", Api.object().put("accountId", account).put("name", "Deal").put("currency", "EUR"))).path("id").asText();
        String quote = created(admin.post("/v1/sales/quotes", Api.object().put("opportunityId", deal).put("taxRate", 0))).path("id").asText();

        // children first: a record others depend on is refused whatever the precondition
        for (String path : List.of("/v1/activities/" + activity, "/v1/sales/quotes/" + quote, "/v1/sales/opportunities/" + deal,
                "/v1/sales/leads/" + lead, "/v1/parties/" + party, "/v1/parties/" + account)) {
            assertNamesField(admin.delete(path, "\"99\""), 412, "If-Match");
            assertNamesField(admin.delete(path, "not-a-tag"), 400, "If-Match");
            assertEquals(path + " is still there", 200, admin.get(path).status());
            String etag = admin.get(path).header("ETag");
            Api.Response deleted = admin.delete(path, etag);
            assertEquals(path + ": " + deleted, 204, deleted.status());
            assertProblem(admin.get(path), 404);
        }
        // without If-Match the delete is unconditional
        String other = created(admin.post("/v1/parties", Fixtures.person("Jo", "Uncond" + Fixtures.unique()))).path("id").asText();
        assertEquals(200, admin.patch("/v1/parties/" + other, Api.object().put("jobTitle", "Moved on"), null).status());
        assertEquals(204, admin.delete("/v1/parties/" + other).status());
    }

    @Test
    public void aPartyWithSalesRecordsAndADealWithQuotesAreNotDeleted() {
        String account = created(admin.post("/v1/parties", Api.object().put("type", "ORGANIZATION")
                .put("legalName", "Dependants " + Fixtures.unique()))).path("id").asText();
        String lead = created(admin.post("/v1/sales/leads", Api.object().put("partyId", account))).path("id").asText();
        String deal = created(admin.post("/v1/sales/opportunities", Api.object().put("accountId", account).put("name", "Deal").put("currency", "EUR"))).path("id").asText();
        String quote = created(admin.post("/v1/sales/quotes", Api.object().put("opportunityId", deal))).path("id").asText();

        JsonNode refused = assertProblem(admin.delete("/v1/parties/" + account), 409);
        JsonNode dependents = refused.path("dependents");
        assertEquals(refused.toString(), 3, dependents.size());
        assertEquals("sales", dependents.get(0).path("module").asText());
        assertEquals("LEAD", dependents.get(0).path("type").asText());
        assertEquals(1, dependents.get(0).path("count").asInt());
        assertEquals(lead, dependents.get(0).path("ids").get(0).asText());
        assertEquals("OPPORTUNITY", dependents.get(1).path("type").asText());
        assertEquals(deal, dependents.get(1).path("ids").get(0).asText());
        assertEquals("QUOTE", dependents.get(2).path("type").asText());
        assertEquals(200, admin.get("/v1/parties/" + account).status());

        JsonNode quotes = assertProblem(admin.delete("/v1/sales/opportunities/" + deal), 409).path("dependents");
        assertEquals(quote, quotes.get(0).path("ids").get(0).asText());
        assertEquals(200, admin.get("/v1/sales/opportunities/" + deal).status());

        assertEquals(204, admin.delete("/v1/sales/quotes/" + quote).status());
        assertEquals(204, admin.delete("/v1/sales/opportunities/" + deal).status());
        assertEquals(204, admin.delete("/v1/sales/leads/" + lead).status());
        assertEquals("nothing depends on it any more", 204, admin.delete("/v1/parties/" + account).status());
    }

    @Test
    public void concurrentConversionsOfALeadMakeOneAccountAndOneDeal() throws Exception {
        String word = Fixtures.unique();
        String company = "Cellier " + word;
        String lead = created(admin.post("/v1/sales/leads", Api.object().put("firstName", "Léa").put("lastName", "Conv" + word)
                .put("companyName", company))).path("id").asText();
        assertEquals(200, admin.patch("/v1/sales/leads/" + lead, Api.object().put("status", "QUALIFIED"), null).status());
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return admin.post("/v1/sales/leads/" + lead + "/convert", Api.object().put("createOpportunity", true)
                            .put("currency", "EUR").put("amount", 2500));
                }));
            }
            start.countDown();
            Set<String> deals = new HashSet<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get(60, TimeUnit.SECONDS);
                if (response.status() == 409) {
                    assertProblem(response, 409);
                } else {
                    assertEquals(response.toString(), 200, response.status());
                    deals.add(response.json().path("opportunityId").asText());
                }
            }
            assertEquals("every conversion that answered names the same deal: " + deals, 1, deals.size());
        } finally {
            pool.shutdownNow();
        }
        JsonNode organizations = admin.get("/v1/parties?type=ORGANIZATION&q=cellier+" + word).json().path("items");
        assertEquals(organizations.toString(), 1, organizations.size());
        String account = organizations.get(0).path("id").asText();
        assertEquals(1, admin.get("/v1/sales/opportunities?accountId=" + account).json().path("items").size());
        assertEquals("CONVERTED", admin.get("/v1/sales/leads/" + lead).json().path("status").asText());
    }

    @Test
    public void aSensitiveFieldIsNoFilterForCallersWhoMayNotReadIt() {
        String key = "income" + Fixtures.unique();
        created(admin.post("/v1/custom-fields", Api.object().put("entityType", "PARTY").put("key", key)
                .put("type", "STRING").put("sensitive", true)));
        ObjectNode body = Fixtures.person("Kim", "Oracle" + Fixtures.unique());
        body.putObject("customFields").put(key, "HIGH");
        String id = created(agentA.post("/v1/parties", body)).path("id").asText();
        // the agent's write left the value out; the admin sets it
        assertEquals(200, admin.patch("/v1/parties/" + id, Api.object().set("customFields", Api.object().put(key, "HIGH")), null).status());

        assertNamesField(agentA.get("/v1/parties?customFields." + key + "=HIGH"), 403, "customFields." + key);
        assertNamesField(agentA.get("/v1/parties?customFields." + key + "=LOW"), 403, "customFields." + key);
        JsonNode seen = manager.get("/v1/parties?customFields." + key + "=HIGH").json().path("items");
        assertEquals("the manager may read it, so may filter on it", 1, seen.size());
        assertEquals(id, seen.get(0).path("id").asText());
    }

    private static JsonNode created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }
}
