package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Problems.assertNamesField;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The insurance pack over HTTP in the real distribution: a home policy with two coverages and a
 * beneficiary split, endorsed, read as of dates before and after the endorsement; a claim reported,
 * partly paid, refused beyond the coverage's limit net of its deductible; a renewal run creating the
 * new term and the agent's activity; the household rollup, timeline, 360° section and search; the
 * NDJSON import; the health data hidden from a caller without {@code insurance.health.read}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class InsuranceIT {
    private static final String FEATURE = "tessera-insurance";
    private static final String NDJSON = "application/x-ndjson";

    @Inject
    FeaturesService features;

    private final Api api = new Api();
    private final Fixtures fixtures = new Fixtures(api);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void insuranceIsUp() throws Exception {
        api.awaitHealthy(60);
        assertTrue("the distribution boots with insurance", features.isInstalled(features.getFeature(FEATURE)));
        Waits.awaitTrue(() -> api.get("/v1/insurance/policies?limit=1").status() == 200, "insurance endpoints", 15);
    }

    @Test
    public void homePolicyEndorsedClaimedPaidAndRefusedBeyondTheLimit() {
        String holder = person("Hélène", "Assurée");
        String child1 = person("Inès", "Bénéficiaire");
        String child2 = person("Jules", "Bénéficiaire");
        String number = "H-" + Fixtures.unique().toUpperCase();

        ObjectNode policy = homePolicy(number, holder, child1, child2, 60, 30, today.minusDays(60), today.plusDays(305));
        assertNamesField(api.post("/v1/insurance/policies", policy), 422, "participants");
        ObjectNode wrongLine = homePolicy(number, holder, child1, child2, 60, 40, today.minusDays(60), today.plusDays(305));
        wrongLine.put("lineOfBusiness", "SPACE");
        assertNamesField(api.post("/v1/insurance/policies", wrongLine), 422, "lineOfBusiness");

        Api.Response created = api.post("/v1/insurance/policies", homePolicy(number, holder, child1, child2, 60, 40,
                today.minusDays(60), today.plusDays(305)));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().path("id").asText();
        assertEquals("IN_FORCE", created.json().path("status").asText());
        assertEquals(2, created.json().path("coverages").size());
        assertEquals(holder, created.json().path("holderPartyId").asText());
        assertEquals(409, api.post("/v1/insurance/policies", homePolicy(number, holder, child1, child2, 60, 40,
                today.minusDays(60), today.plusDays(305))).status());

        // the water coverage's limit rises from 5,000 to 8,000 ten days ago
        ObjectNode endorsement = Api.object().put("effectiveDate", today.minusDays(10).toString()).put("reason", "new kitchen")
                .put("premium", 70);
        ArrayNode coverages = endorsement.putArray("coverages");
        coverages.add(coverage("FIRE", "Fire", 100000, 500));
        coverages.add(coverage("WATER", "Water damage", 8000, 300));
        Api.Response stale = api.sendBody("POST", "/v1/insurance/policies/" + id + "/endorsements", endorsement, "application/json", "\"0\"");
        assertEquals(stale.toString(), 412, stale.status());
        Api.Response endorsed = api.post("/v1/insurance/policies/" + id + "/endorsements", endorsement);
        assertEquals(endorsed.toString(), 200, endorsed.status());
        assertEquals(2, endorsed.json().path("revisions").size());

        JsonNode before = api.get("/v1/insurance/policies/" + id + "?asOf=" + today.minusDays(30)).json();
        assertEquals(5000, limitOf(before, "WATER"));
        assertEquals(0, before.path("revision").asInt());
        assertEquals(60, before.path("premium").asInt());
        JsonNode after = api.get("/v1/insurance/policies/" + id + "?asOf=" + today).json();
        assertEquals(8000, limitOf(after, "WATER"));
        assertEquals(70, after.path("premium").asInt());
        assertNamesField(api.get("/v1/insurance/policies/" + id + "?asOf=someday"), 400, "asOf");
        assertNamesField(api.get("/v1/insurance/policies/" + id + "?asOf=" + today.plusYears(2)), 400, "asOf");

        // a claim on the water coverage, five days ago
        String claimNumber = "C-" + Fixtures.unique().toUpperCase();
        ObjectNode claim = Api.object().put("number", claimNumber).put("policyId", id).put("lossDate", today.minusDays(5).toString())
                .put("type", "WATER_DAMAGE").put("description", "Burst pipe in the kitchen");
        claim.putArray("amounts").add(Api.object().put("coverageCode", "FLOOD").put("claimed", 100));
        assertNamesField(api.post("/v1/insurance/claims", claim), 422, "amounts[0].coverageCode");
        ((ObjectNode) claim.path("amounts").get(0)).put("coverageCode", "WATER").put("claimed", 9000);
        claim.putArray("participants").add(Api.object().put("partyId", holder).put("role", "CLAIMANT"));
        Api.Response reported = api.post("/v1/insurance/claims", claim);
        assertEquals(reported.toString(), 201, reported.status());
        String claimId = reported.json().path("id").asText();
        assertEquals("REPORTED", reported.json().path("status").asText());

        // with the service module, a service request handles the claim (its SLA applies); without it, none
        if (api.get("/v1/service/requests?limit=1").status() == 404) {
            assertNamesField(api.post("/v1/insurance/claims/" + claimId + "/service-request", Api.object()), 409, "serviceRequestId");
        } else {
            Api.Response linked = api.post("/v1/insurance/claims/" + claimId + "/service-request", Api.object());
            assertEquals(linked.toString(), 200, linked.status());
            String requestId = linked.json().path("serviceRequestId").asText();
            JsonNode request = api.get("/v1/service/requests/" + requestId).json();
            assertEquals(request.toString(), "insurance:claim:" + claimId, request.path("productLink").asText());
            assertEquals(holder, request.path("partyId").asText());
            assertEquals("INCIDENT", request.path("type").asText());
            assertNamesField(api.post("/v1/insurance/claims/" + claimId + "/service-request", Api.object()), 409, "serviceRequestId");
        }

        ObjectNode tooMuch = Api.object();
        tooMuch.putArray("amounts").add(Api.object().put("coverageCode", "WATER").put("claimed", 9000).put("approved", 9000));
        assertNamesField(api.patch("/v1/insurance/claims/" + claimId, tooMuch, null), 422, "amounts[0].approved");
        ObjectNode approve = Api.object();
        approve.putArray("amounts").add(Api.object().put("coverageCode", "WATER").put("claimed", 9000).put("reserved", 7700).put("approved", 7700));
        assertEquals(200, api.patch("/v1/insurance/claims/" + claimId, approve, null).status());
        assertEquals(200, api.post("/v1/insurance/claims/" + claimId + "/transitions", Api.object().put("status", "UNDER_ASSESSMENT")).status());
        assertNamesField(api.post("/v1/insurance/claims/" + claimId + "/transitions", Api.object().put("status", "CLOSED")), 422, "status");
        assertEquals(200, api.post("/v1/insurance/claims/" + claimId + "/transitions", Api.object().put("status", "APPROVED")).status());

        Api.Response paid = api.post("/v1/insurance/claims/" + claimId + "/payments", Api.object().put("coverageCode", "WATER").put("amount", 1000));
        assertEquals(paid.toString(), 200, paid.status());
        assertEquals("PAID", paid.json().path("status").asText());
        assertEquals(1000, paid.json().at("/amounts/0/paid").asInt());
        Api.Response refused = api.post("/v1/insurance/claims/" + claimId + "/payments", Api.object().put("coverageCode", "WATER").put("amount", 7000));
        JsonNode problem = Problems.assertProblem(refused, 422);
        assertEquals("amount", problem.at("/errors/0/field").asText());
        assertEquals("the rule that refused is named", "exceeds_limit_net_of_deductible", problem.at("/errors/0/code").asText());

        // the timeline, the 360° section, the search and the household
        List<String> kinds = new ArrayList<>();
        for (JsonNode entry : api.get("/v1/parties/" + holder + "/timeline").json().path("items")) {
            kinds.add(entry.path("kind").asText() + " " + entry.path("title").asText());
        }
        assertTrue(kinds.toString(), kinds.contains("INSURANCE_POLICY Policy " + number + " issued"));
        assertTrue(kinds.toString(), kinds.contains("INSURANCE_POLICY Policy " + number + " endorsed"));
        assertTrue(kinds.toString(), kinds.contains("INSURANCE_CLAIM Claim " + claimNumber + " reported"));
        assertTrue(kinds.toString(), kinds.contains("INSURANCE_CLAIM Claim " + claimNumber + " settled"));
        JsonNode section = section(api.get("/v1/parties/" + holder + "/overview").json(), "insurance/policies");
        assertEquals(section.toString(), 1, figure(section, "policiesInForce"));
        assertEquals(section.toString(), 840, figure(section, "annualPremium"));
        assertEquals(section.toString(), 1, figure(section, "openClaims"));
        String household = fixtures.createParty(Api.object().put("type", "HOUSEHOLD").put("name", "Foyer " + Fixtures.unique())).path("id").asText();
        for (String member : List.of(holder, child1)) {
            assertEquals(201, api.post("/v1/parties/" + member + "/relationships", Api.object().put("type", "MEMBER_OF_HOUSEHOLD")
                    .put("toPartyId", household).put("from", today.minusYears(1).toString())).status());
        }
        JsonNode rollup = api.get("/v1/insurance/households/" + household).json();
        assertEquals(rollup.toString(), 2, rollup.path("members").size());
        assertEquals("one policy shared by two members counts once", 1, rollup.path("policiesInForce").asInt());
        JsonNode householdSection = section(api.get("/v1/parties/" + household + "/overview").json(), "insurance/policies");
        assertEquals(householdSection.toString(), 1, figure(householdSection, "openClaims"));
        JsonNode hits = api.get("/v1/search?q=" + number.toLowerCase()).json();
        assertTrue(hits.toString(), hits.toString().contains("/insurance/policies/" + id));
        JsonNode claimHits = api.get("/v1/search?q=" + claimNumber.toLowerCase()).json();
        assertTrue(claimHits.toString(), claimHits.toString().contains("/insurance/claims/" + claimId));
        assertEquals("audited", "CREATE", api.get("/v1/audit?entityType=INSURANCE_POLICY&entityId=" + id).json()
                .path("items").path(1).path("action").asText());
    }

    @Test
    public void renewalRunCreatesTheNewTermAndTheAgentsActivity() {
        JsonNode agent = fixtures.newAgent();
        String holder = person("Marc", "Renouvelé");
        String number = "R-" + Fixtures.unique().toUpperCase();
        LocalDate expiry = today.plusDays(400);
        ObjectNode policy = homePolicy(number, holder, null, null, 0, 0, expiry.minusYears(1), expiry);
        policy.put("agentId", agent.path("id").asText());
        Api.Response created = api.post("/v1/insurance/policies", policy);
        assertEquals(created.toString(), 201, created.status());
        String oldId = created.json().path("id").asText();

        assertNamesField(api.post("/v1/insurance/renewal-runs", Api.object().put("expiringFrom", expiry.toString())
                .put("expiringTo", expiry.minusDays(1).toString())), 422, "expiringTo");
        Api.Response run = api.post("/v1/insurance/renewal-runs", Api.object().put("expiringFrom", expiry.toString())
                .put("expiringTo", expiry.plusDays(1).toString()).put("premiumFactor", 1.1).put("reminderDaysBefore", 20));
        assertEquals(run.toString(), 200, run.status());
        assertTrue(run.toString(), run.json().path("terms").asInt() >= 1);
        assertTrue(run.toString(), run.json().path("activities").asInt() >= 1);

        JsonNode old = api.get("/v1/insurance/policies/" + oldId).json();
        assertEquals("RENEWED", old.path("status").asText());
        String newId = old.path("renewedById").asText();
        JsonNode next = api.get("/v1/insurance/policies/" + newId).json();
        assertEquals(oldId, next.path("renewedFromId").asText());
        assertEquals(2, next.path("termNumber").asInt());
        assertEquals(expiry.toString(), next.path("effectiveDate").asText());
        assertEquals(66, next.path("premium").asInt());
        assertEquals(2, next.path("coverages").size());
        assertEquals(1, next.path("participants").size());
        assertEquals("the old term is history, unchanged", 5000, limitOf(old, "WATER"));
        JsonNode activities = api.get("/v1/activities?link=insurance:policy:" + newId).json().path("items");
        assertEquals(activities.toString(), 1, activities.size());
        assertEquals("PLANNED", activities.get(0).path("status").asText());
        assertEquals(agent.path("id").asText(), activities.get(0).path("assigneeId").asText());
        assertTrue(activities.get(0).path("dueAt").asText().startsWith(expiry.minusDays(20).toString()));

        Api.Response again = api.post("/v1/insurance/renewal-runs", Api.object().put("expiringFrom", expiry.toString())
                .put("expiringTo", expiry.plusDays(1).toString()));
        assertEquals("a renewed term is not renewed twice", 0, again.json().path("terms").asInt());
    }

    @Test
    public void importUpsertsByNumberWithAPerRowReport() {
        String holder = person("Nora", "Importée");
        String number = "I-" + Fixtures.unique().toUpperCase();
        String good = homePolicy(number, holder, null, null, 0, 0, today.minusDays(10), today.plusDays(355)).toString();
        String other = homePolicy(number + "B", holder, null, null, 0, 0, today.minusDays(10), today.plusDays(355)).toString();
        String bad = homePolicy(number + "C", holder, null, null, 0, 0, today.plusDays(10), today.minusDays(355)).toString();
        String file = good + "\n" + other + "\n{not json\n" + bad + "\n";
        Api.Response first = api.sendBody("POST", "/v1/insurance/policies:import", file, NDJSON, null);
        assertEquals(first.toString(), 200, first.status());
        assertEquals(first.toString(), 2, first.json().path("created").asInt());
        assertEquals(first.toString(), 2, first.json().path("rejected").asInt());
        assertEquals(3, first.json().at("/errors/0/line").asInt());
        assertEquals(4, first.json().at("/errors/1/line").asInt());
        assertEquals("expiryDate", first.json().at("/errors/1/errors/0/field").asText());
        Api.Response second = api.sendBody("POST", "/v1/insurance/policies:import", good + "\n" + other.replace("\"premium\":60", "\"premium\":65"),
                NDJSON, null);
        assertEquals(second.toString(), 1, second.json().path("unchanged").asInt());
        assertEquals(second.toString(), 1, second.json().path("updated").asInt());
    }

    @Test
    public void healthDataIsHiddenWithoutItsPermission() {
        String holder = person("Paul", "Santé");
        ObjectNode policy = homePolicy("S-" + Fixtures.unique().toUpperCase(), holder, null, null, 0, 0, today.minusDays(1), today.plusDays(364));
        policy.put("lineOfBusiness", "HEALTH");
        policy.putObject("health").put("smoker", false).put("conditions", "asthma");
        String id = api.post("/v1/insurance/policies", policy).json().path("id").asText();
        assertEquals("asthma", api.get("/v1/insurance/policies/" + id).json().at("/health/conditions").asText());
        try {
            assertEquals(204, api.put("/v1/security/roles/nopermission", Api.object().set("permissions",
                    Api.parse("[\"core.party.read\", \"all-records\", \"insurance.policy.read\"]")), null).status());
            Api clerk = Api.as("nobody", "nobody");
            Waits.awaitTrue(() -> clerk.get("/v1/insurance/policies/" + id).status() == 200, "the clerk reads policies", 5);
            JsonNode seen = clerk.get("/v1/insurance/policies/" + id).json();
            assertTrue(seen.toString(), seen.path("health").isNull() || seen.path("health").isMissingNode());
            assertFalse(seen.toString().contains("asthma"));
            assertEquals(403, clerk.post("/v1/insurance/policies", policy).status());
        } finally {
            api.delete("/v1/security/roles/nopermission");
        }
        JsonNode audit = api.get("/v1/audit?entityType=INSURANCE_POLICY&entityId=" + id).json();
        assertFalse("the audit trail masks health data: " + audit, audit.toString().contains("asthma"));
    }

    private String person(String first, String last) {
        return fixtures.createParty(Fixtures.person(first, last + Fixtures.unique())).path("id").asText();
    }

    private static ObjectNode homePolicy(String number, String holder, String beneficiary1, String beneficiary2, int share1, int share2,
            LocalDate effective, LocalDate expiry) {
        ObjectNode policy = Api.object().put("number", number).put("lineOfBusiness", "HOME").put("product", "Habitation Confort")
                .put("status", "IN_FORCE").put("effectiveDate", effective.toString()).put("expiryDate", expiry.toString())
                .put("premium", 60).put("premiumFrequency", "MONTHLY").put("billingMethod", "DIRECT_DEBIT").put("currency", "EUR")
                .put("carrier", "Mutuelle Tessera");
        ArrayNode coverages = policy.putArray("coverages");
        coverages.add(coverage("FIRE", "Fire", 100000, 500));
        ObjectNode water = coverage("WATER", "Water damage", 5000, 300);
        water.putObject("insuredAsset").put("type", "PROPERTY").put("description", "Main home").putObject("fields").put("address", "3 rue des Lilas");
        coverages.add(water);
        ArrayNode participants = policy.putArray("participants");
        participants.add(Api.object().put("partyId", holder).put("role", "POLICYHOLDER"));
        if (beneficiary1 != null) {
            participants.add(Api.object().put("partyId", beneficiary1).put("role", "BENEFICIARY").put("sharePercent", share1));
            participants.add(Api.object().put("partyId", beneficiary2).put("role", "BENEFICIARY").put("sharePercent", share2));
        }
        return policy;
    }

    private static ObjectNode coverage(String code, String name, int limit, int deductible) {
        return Api.object().put("code", code).put("name", name).put("category", "BASE").put("limit", limit).put("deductible", deductible);
    }

    private static int limitOf(JsonNode policy, String code) {
        for (JsonNode c : policy.path("coverages")) {
            if (code.equals(c.path("code").asText())) {
                return c.path("limit").asInt();
            }
        }
        throw new AssertionError("no coverage " + code + " in " + policy);
    }

    private static JsonNode section(JsonNode overview, String key) {
        for (JsonNode section : overview.path("sections")) {
            if (key.equals(section.path("module").asText() + "/" + section.path("section").asText())) {
                return section;
            }
        }
        throw new AssertionError("no section " + key + " in " + overview);
    }

    private static int figure(JsonNode section, String key) {
        for (JsonNode figure : section.path("figures")) {
            if (key.equals(figure.path("key").asText())) {
                return figure.path("value").asInt();
            }
        }
        throw new AssertionError("no figure " + key + " in " + section);
    }
}
