package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertNamesField;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.spi.Validator;

/**
 * The whole sales cycle over REST, as a client runs it: a lead worked through outcomes and next
 * actions, qualified and converted; an opportunity with contact roles, competitors and priced
 * lines moved to won; its history, the pipeline summary, and a quote approved and accepted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SalesApiIT {
    @Inject
    BundleContext context;

    private final Api api = new Api();

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        api.awaitHealthy(60);
        Waits.awaitServed(api, 60, "/v1/sales/leads", "/v1/sales/opportunities", "/v1/sales/quotes", "/v1/sales/products",
                "/v1/sales/pipelines", "/v1/sales/price-lists", "/v1/sales/pipeline");
    }

    @Test
    public void leadToWonOpportunityToAcceptedQuote() throws InterruptedException {
        String company = "Fromagerie " + unique();
        JsonNode lead = created(api.post("/v1/sales/leads", Api.object().put("firstName", "Amélie").put("lastName", "Garnier")
                .put("email", "a.garnier@example.fr").put("companyName", company).put("source", "WEB").put("rating", "WARM")));
        String leadId = lead.path("id").asText();
        assertEquals("NEW", lead.path("status").asText());
        assertTrue(api.get("/v1/parties/" + lead.path("partyId").asText()).json().path("classifications").toString().contains("PROSPECT"));

        Api.Response attempt = api.post("/v1/sales/leads/" + leadId + "/outcomes", Api.object().put("outcome", "NO_ANSWER")
                .put("nextAction", "CALL_BACK").put("nextActionAt", "2026-12-01T09:00:00Z"));
        assertEquals(attempt.toString(), 200, attempt.status());
        assertEquals("WORKING", attempt.json().path("status").asText());
        JsonNode planned = api.get("/v1/activities/" + attempt.json().path("nextActivityId").asText()).json();
        assertEquals("PLANNED", planned.path("status").asText());
        assertEquals("sales:lead:" + leadId, planned.path("links").get(0).asText());
        assertNamesField(api.post("/v1/sales/leads/" + leadId + "/outcomes", Api.object().put("outcome", "BOGUS")), 422, "outcome");
        assertProblem(api.post("/v1/sales/leads/" + leadId + "/convert", Api.object()), 409);

        assertEquals(200, api.patch("/v1/sales/leads/" + leadId, Api.object().put("status", "QUALIFIED"), null).status());
        Api.Response conversion = api.post("/v1/sales/leads/" + leadId + "/convert", Api.object()
                .put("createOpportunity", true).put("opportunityName", "Caves").put("currency", "EUR"));
        assertEquals(conversion.toString(), 200, conversion.status());
        String accountId = conversion.json().path("accountId").asText();
        String contactId = conversion.json().path("contactId").asText();
        String opportunityId = conversion.json().path("opportunityId").asText();
        assertEquals("ORGANIZATION", api.get("/v1/parties/" + accountId).json().path("type").asText());
        assertTrue(api.get("/v1/parties/" + contactId).json().path("classifications").toString().contains("CUSTOMER"));
        assertEquals("converting again is idempotent", conversion.json(),
                api.post("/v1/sales/leads/" + leadId + "/convert", Api.object().put("createOpportunity", true)).json());
        assertProblem(api.patch("/v1/sales/leads/" + leadId, Api.object().put("rating", "HOT"), null), 409);

        String p1 = created(api.post("/v1/sales/products", Api.object().put("code", "CAVE-" + unique()).put("name", "Cave 20 m³"))).path("id").asText();
        String p2 = created(api.post("/v1/sales/products", Api.object().put("code", "HYGRO-" + unique()).put("name", "Hygromètre"))).path("id").asText();
        ObjectNode priceList = Api.object().put("name", "Tarif " + unique()).put("currency", "EUR");
        priceList.putArray("entries").add(Api.object().put("productId", p1).put("unitPrice", new BigDecimal("18500.00")))
                .add(Api.object().put("productId", p2).put("unitPrice", new BigDecimal("349.90")));
        String priceListId = created(api.post("/v1/sales/price-lists", priceList)).path("id").asText();

        ObjectNode patch = Api.object().put("stage", "NEEDS_ANALYSIS").put("priceListId", priceListId).put("expectedCloseDate", "2027-03-31");
        patch.putArray("contactRoles").add(Api.object().put("partyId", contactId).put("role", "DECISION_MAKER").put("primary", true));
        patch.putArray("competitors").add(Api.object().put("name", "Frigor Alpes").put("strengths", "prix").put("weaknesses", "délais"));
        patch.putArray("lineItems").add(Api.object().put("productId", p1).put("quantity", 2).put("discount", 5))
                .add(Api.object().put("productId", p2).put("quantity", 3));
        Api.Response priced = api.patch("/v1/sales/opportunities/" + opportunityId, patch, null);
        assertEquals(priced.toString(), 200, priced.status());
        assertAmount("36199.70", priced.json().path("amount"));
        assertEquals(30, priced.json().path("probability").asInt());
        assertAmount("35150.00", priced.json().path("lineItems").get(0).path("totalPrice"));

        assertNamesField(api.patch("/v1/sales/opportunities/" + opportunityId, Api.object().put("stage", "CLOSED_LOST"), null), 422, "lostReason");
        assertNamesField(api.patch("/v1/sales/opportunities/" + opportunityId, Api.object().put("stage", "NOPE"), null), 422, "stage");
        ObjectNode badLine = Api.object();
        badLine.putArray("lineItems").add(Api.object().put("productId", p1).put("quantity", -1));
        assertNamesField(api.patch("/v1/sales/opportunities/" + opportunityId, badLine, null), 422, "lineItems[0].quantity");
        assertEquals(200, api.patch("/v1/sales/opportunities/" + opportunityId, Api.object().put("stage", "PROPOSAL"), null).status());
        assertEquals(200, api.patch("/v1/sales/opportunities/" + opportunityId, Api.object().put("stage", "NEGOTIATION").put("probability", 80), null).status());

        JsonNode quote = created(api.post("/v1/sales/quotes", Api.object().put("opportunityId", opportunityId).put("taxRate", 20)));
        String quoteId = quote.path("id").asText();
        assertTrue(quote.path("number").asText().startsWith("Q-"));
        assertAmount("43439.64", quote.path("grandTotal"));
        assertProblem(api.patch("/v1/sales/quotes/" + quoteId, Api.object().put("status", "ACCEPTED"), null), 409);
        for (String status : List.of("IN_REVIEW", "APPROVED", "PRESENTED", "ACCEPTED")) {
            Api.Response moved = api.patch("/v1/sales/quotes/" + quoteId, Api.object().put("status", status), null);
            assertEquals(moved.toString(), 200, moved.status());
        }
        assertProblem(api.patch("/v1/sales/quotes/" + quoteId, Api.object().put("status", "DRAFT"), null), 409);

        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, new String[] {"org/tessera/crm/sales/opportunity/*"});
        ServiceRegistration<EventHandler> listener = context.registerService(EventHandler.class, events::add, topics);
        try {
            Api.Response won = api.patch("/v1/sales/opportunities/" + opportunityId, Api.object().put("stage", "CLOSED_WON"), null);
            assertEquals(won.toString(), "WON", won.json().path("status").asText());
            assertEquals(100, won.json().path("probability").asInt());
            List<String> received = new ArrayList<>();
            while (!received.contains("org/tessera/crm/sales/opportunity/WON")) {
                Event event = events.poll(10, TimeUnit.SECONDS);
                assertNotNull("WON event within 10 s; got " + received, event);
                if (opportunityId.equals(event.getProperty("id"))) {
                    received.add(event.getTopic());
                }
            }
            assertTrue(received.toString(), received.contains("org/tessera/crm/sales/opportunity/STAGE_CHANGED"));
        } finally {
            listener.unregister();
        }

        List<String> stages = new ArrayList<>();
        api.get("/v1/sales/opportunities/" + opportunityId + "/history").json().path("items").forEach(h -> stages.add(h.path("stage").asText()));
        assertEquals(List.of("PROSPECTING", "NEEDS_ANALYSIS", "PROPOSAL", "NEGOTIATION", "CLOSED_WON"), stages);

        JsonNode summary = api.get("/v1/sales/pipeline?currency=EUR&closeFrom=2027-03-31&closeTo=2027-03-31").json();
        JsonNode closedWon = null;
        for (JsonNode stage : summary.path("stages")) {
            if ("CLOSED_WON".equals(stage.path("stage").asText())) {
                closedWon = stage;
            }
        }
        assertNotNull(summary.toString(), closedWon);
        assertTrue(closedWon.path("count").asLong() >= 1);
        assertNamesField(api.get("/v1/sales/pipeline?closeTo=tomorrow"), 400, "closeTo");
        // the board lists the deals of its columns with the same close-date filter as their totals
        JsonNode closingThatDay = api.get("/v1/sales/opportunities?closeFrom=2027-03-31&closeTo=2027-03-31&stage=CLOSED_WON").json();
        assertTrue(closingThatDay.toString(), closingThatDay.path("items").size() >= 1);
        assertNamesField(api.get("/v1/sales/opportunities?closeFrom=tomorrow"), 400, "closeFrom");

        List<String> timeline = new ArrayList<>();
        api.get("/v1/parties/" + accountId + "/timeline").json().path("items").forEach(e -> timeline.add(e.path("id").asText()));
        assertTrue(timeline.toString(), timeline.contains("sales:opportunity:" + opportunityId));
    }

    @Test
    public void validatorsOfOtherBundlesCheckOpportunities() {
        String accountId = new Fixtures(api).createParty(Api.object().put("type", "ORGANIZATION").put("legalName", "Validée " + unique()))
                .path("id").asText();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Validator.ENTITY_TYPE, "OPPORTUNITY");
        // reads the candidate's public field reflectively: this test does not compile against the sales API
        Validator noSecrets = (candidate, previous) -> "Secret".equals(publicField(candidate, "name"))
                ? List.of(FieldError.invalid("name", "no secret deals")) : List.of();
        ServiceRegistration<Validator> registration = context.registerService(Validator.class, noSecrets, properties);
        try {
            assertNamesField(api.post("/v1/sales/opportunities", Api.object().put("accountId", accountId).put("name", "Secret")), 422, "name");
        } finally {
            registration.unregister();
        }
        assertEquals(201, api.post("/v1/sales/opportunities", Api.object().put("accountId", accountId).put("name", "Secret")).status());
    }

    @Test
    public void badInputNamesTheField() {
        assertNamesField(api.post("/v1/sales/leads", Api.object().put("source", "WEB")), 422, "lastName");
        assertNamesField(api.post("/v1/sales/leads", Api.object().put("partyId", "999999999")), 422, "partyId");
        assertNamesField(api.post("/v1/sales/opportunities", Api.object().put("name", "x")), 422, "accountId");
        assertNamesField(api.post("/v1/sales/opportunities", Api.object().put("nmae", "x")), 400, "nmae");
        assertNamesField(api.post("/v1/sales/products", Api.object().put("name", "x")), 422, "code");
        assertNamesField(api.post("/v1/sales/price-lists", Api.object().put("name", "x").put("currency", "EURO")), 422, "currency");
        assertNamesField(api.post("/v1/sales/quotes", Api.object()), 422, "opportunityId");
        assertNamesField(api.get("/v1/sales/opportunities?status=MAYBE"), 400, "status");
        assertNamesField(api.get("/v1/sales/leads?limit=0"), 400, "limit");
        assertProblem(api.get("/v1/sales/opportunities/abc"), 404);
        assertNamesField(api.put("/v1/sales/pipelines/1", api.get("/v1/sales/pipelines/1").json(), null), 428, "If-Match");
    }

    private static Object publicField(Object target, String name) {
        try {
            return target.getClass().getField(name).get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON numbers compare by value: the test client reads 36199.70 as 36199.7. */
    private static void assertAmount(String expected, JsonNode actual) {
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual.decimalValue()));
    }

    private static JsonNode created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        assertNotNull(response.header("Location"));
        assertEquals("the ETag names the stored version", "\"" + response.json().path("version").asLong() + "\"", response.header("ETag"));
        return response.json();
    }
}
