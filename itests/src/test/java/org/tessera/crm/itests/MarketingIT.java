package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertNamesField;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The marketing cycle over HTTP against the distribution: a campaign tree; members from a segment
 * (custom picklist, classification) materialized once and again without duplicates; record scope on
 * members and counts; an email campaign sent to GreenMail with the merge fields filled, an opted-out
 * and a suppressed member counted as suppressed; the unsubscribe link opting the address out;
 * responses recorded as activities; a phone campaign's call list with its script; an opportunity
 * attributed (primary and even split) with an offer's discount on its line; totals and ROI; and a
 * 4xx naming the field for bad input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MarketingIT {
    private static final String MAIL_PID = "org.tessera.crm.mail";

    @Inject
    ConfigurationAdmin configurations;

    private final Api api = new Api();
    private final Api agentA = Api.as("it-agent-a", "it-agent-a");
    private final Fixtures fixtures = new Fixtures(api);
    private Fixtures.Perimeters perimeters;

    @Configuration
    public Option[] config() {
        GreenMailServer.start(); // in the test JVM; Karaf reaches it on loopback
        return OptionUtils.combine(TesseraContainer.options(),
                editConfigurationFilePut("etc/" + MAIL_PID + ".cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/" + MAIL_PID + ".cfg", "port", String.valueOf(GreenMailServer.SMTP_PORT)));
    }

    @Before
    public void marketingServesAndMailGoesToGreenMail() throws Exception {
        api.awaitHealthy(60);
        perimeters = fixtures.perimeters();
        // the suite shares one container whose options may be another class's: point the sender here as well
        org.osgi.service.cm.Configuration mail = configurations.getConfiguration(MAIL_PID, "?");
        Dictionary<String, Object> pointed = new Hashtable<>();
        pointed.put("host", "127.0.0.1");
        pointed.put("port", String.valueOf(GreenMailServer.SMTP_PORT));
        pointed.put("from", "campagnes@example.org");
        mail.update(pointed);
        Waits.awaitTrue(() -> api.get("/v1/marketing/campaigns").status() == 200, "marketing serves", 30);
    }

    @Test
    public void theWholeCycle() {
        String tier = "tier" + unique();
        ObjectNode definition = Api.object().put("entityType", "PARTY").put("key", tier).put("type", "PICKLIST");
        definition.putArray("values").add("GOLD").add("SILVER");
        fixtures.create("/v1/custom-fields", definition);
        String word = unique();
        String alice = party("Alice", word, tier, "GOLD", perimeters.agencyA(), "alice." + word + "@example.org", false, null);
        String bruno = party("Bruno", word, tier, "GOLD", perimeters.agencyA(), "bruno." + word + "@example.org", true, null);
        String chloe = party("Chloe", word, tier, "GOLD", perimeters.agencyA(), "chloe." + word + "@example.org", false, null);
        String denis = party("Denis", word, tier, "GOLD", perimeters.agencyB(), "denis." + word + "@example.org", false, null);
        String emma = party("Emma", word, tier, "SILVER", perimeters.agencyA(), null, false, "+33 1 23 45 67 89");

        // a segment: customers of the GOLD tier with this run's last name
        ObjectNode segment = Api.object().put("name", "Gold " + word);
        ArrayNode and = segment.putObject("criteria").putArray("and");
        and.addObject().put("field", "classification").put("op", "eq").put("value", "CUSTOMER");
        and.addObject().put("field", "customFields." + tier).put("op", "eq").put("value", "GOLD");
        String segmentId = fixtures.create("/v1/marketing/segments", segment).path("id").asText();
        assertEquals(4, api.get("/v1/marketing/segments/" + segmentId + "/count").json().path("count").asLong());
        assertEquals("members outside the agent's perimeter are not counted", 3,
                agentA.get("/v1/marketing/segments/" + segmentId + "/count").json().path("count").asLong());

        // criteria are validated, the path inside them named
        ObjectNode bad = Api.object().put("name", "Bad");
        ArrayNode badAnd = bad.putObject("criteria").putArray("and");
        badAnd.addObject().put("field", "classification").put("op", "eq").put("value", "CUSTOMER");
        badAnd.addObject().put("field", "shoeSize").put("op", "eq").put("value", 42);
        badAnd.addObject().put("field", "customFields." + tier).put("op", "gt").put("value", "GOLD");
        JsonNode problem = Problems.assertProblem(api.post("/v1/marketing/segments", bad), 422);
        assertTrue(problem.toString(), problem.toString().contains("criteria.and[1].field"));
        assertTrue(problem.toString(), problem.toString().contains("criteria.and[2].op"));

        // a campaign tree: a programme, an email campaign and a phone campaign under it
        String programme = fixtures.create("/v1/marketing/campaigns", campaign("Spring " + word, "OTHER", null)
                .put("sourceCode", "SPR-" + word)).path("id").asText();
        ObjectNode email = campaign("Gold mailing " + word, "EMAIL", programme).put("actualCost", 1000)
                .put("emailSubject", "{{party.firstName}}, an offer for you")
                .put("emailHtml", "<p>Hello {{party.firstName}} {{party.lastName}}: {{offer.name}}.</p>"
                        + "<p><a href=\"{{{unsubscribeUrl}}}\">Unsubscribe</a></p>");
        String emailCampaign = fixtures.create("/v1/marketing/campaigns", email).path("id").asText();
        ObjectNode phone = campaign("Gold calls " + word, "PHONE", programme).put("actualCost", 500)
                .put("callScript", "<p>Good morning {{party.firstName}} {{party.lastName}}, this is about {{offer.name|our offer}}.</p>");
        String phoneCampaign = fixtures.create("/v1/marketing/campaigns", phone).path("id").asText();
        String product = fixtures.create("/v1/sales/products", Api.object().put("code", "CELLAR-" + word).put("name", "Cellar")).path("id").asText();
        ObjectNode offer = Api.object().put("name", "Ten percent from five").put("discountPercent", 10).put("minQuantity", 5);
        offer.putArray("productIds").add(product);
        fixtures.create("/v1/marketing/campaigns/" + emailCampaign + "/offers", offer);
        fixtures.create("/v1/marketing/campaigns/" + phoneCampaign + "/offers", Api.object().put("name", "Free visit"));

        // members from the segment, twice: the second run adds nothing
        JsonNode added = api.post("/v1/marketing/campaigns/" + emailCampaign + "/members/from-segment",
                Api.object().put("segmentId", segmentId)).json();
        assertEquals(added.toString(), 4, added.path("added").asLong());
        JsonNode again = api.post("/v1/marketing/campaigns/" + emailCampaign + "/members/from-segment",
                Api.object().put("segmentId", segmentId)).json();
        assertEquals(again.toString(), 0, again.path("added").asLong());
        assertEquals(again.toString(), 4, again.path("alreadyMembers").asLong());
        assertEquals("the agent lists the members of their perimeter only", 3,
                agentA.get("/v1/marketing/campaigns/" + emailCampaign + "/members").json().path("items").size());

        // Chloe is on the suppression list, Bruno opted out of email: both counted as suppressed
        fixtures.create("/v1/marketing/suppressions", Api.object().put("partyId", chloe).put("channel", "EMAIL").put("reason", "asked by phone"));
        assertNamesField(api.post("/v1/marketing/campaigns/" + emailCampaign + "/email-sends", Api.object()), 422, "status");
        assertEquals(200, api.patch("/v1/marketing/campaigns/" + emailCampaign, Api.object().put("status", "ACTIVE"), null).status());
        JsonNode report = api.post("/v1/marketing/campaigns/" + emailCampaign + "/email-sends", Api.object()).json();
        assertEquals(report.toString(), 2, report.path("sent").asLong());
        assertEquals(report.toString(), 2, report.path("suppressed").asLong());
        assertEquals(report.toString(), 0, report.path("remaining").asLong());
        Waits.awaitTrue(() -> Pop3Mailbox.messages("alice." + word + "@example.org").size() == 1, "GreenMail received Alice's email", 15);
        String received = Pop3Mailbox.messages("alice." + word + "@example.org").get(0);
        assertTrue(received, received.contains("Subject: Alice, an offer for you"));
        assertTrue(received, received.contains("Hello Alice " + capital(word) + ": Ten percent from five."));
        assertEquals(1, Pop3Mailbox.messages("denis." + word + "@example.org").size());
        assertEquals("an opted-out address gets nothing", 0, Pop3Mailbox.messages("bruno." + word + "@example.org").size());
        assertEquals("a suppressed party gets nothing", 0, Pop3Mailbox.messages("chloe." + word + "@example.org").size());
        assertEquals("SUPPRESSED", api.get("/v1/marketing/campaigns/" + emailCampaign + "/members/" + bruno).json().path("sendStatus").asText());

        // the unsubscribe link opts Alice's address out in the core
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(received);
        assertTrue(received, link.find());
        assertEquals(200, Api.anonymous().get("/v1/marketing/unsubscribe?token=" + link.group(1)).status());
        assertTrue(api.get("/v1/parties/" + alice).json().path("contactMechanisms").get(0).path("optOut").asBoolean());
        assertEquals(404, Api.anonymous().get("/v1/marketing/unsubscribe?token=" + "x".repeat(30)).status());

        // responses: activities linked to the campaign that move the member
        JsonNode responded = api.post("/v1/marketing/campaigns/" + emailCampaign + "/members/" + alice + "/responses",
                Api.object().put("status", "RESPONDED").put("outcome", "DOCUMENTATION_SENT").put("notes", "wants a cellar")).json();
        assertEquals(responded.toString(), "RESPONDED", responded.path("status").asText());
        assertFalse(responded.path("firstRespondedAt").isNull());
        JsonNode activity = api.get("/v1/activities/" + responded.path("activityId").asText()).json();
        assertTrue(activity.toString(), activity.path("links").toString().contains("marketing:campaign:" + emailCampaign));
        api.post("/v1/marketing/campaigns/" + emailCampaign + "/members/" + denis + "/responses",
                Api.object().put("status", "NOT_INTERESTED").put("outcome", "NOT_INTERESTED"));
        assertNamesField(api.post("/v1/marketing/campaigns/" + emailCampaign + "/members/" + alice + "/responses",
                Api.object().put("status", "MAYBE")), 422, "status");

        // the phone campaign: Alice and Emma; its call list renders the script; Alice responds
        JsonNode bulk = api.post("/v1/marketing/campaigns/" + phoneCampaign + "/members/bulk",
                Api.object().set("partyIds", Api.object().arrayNode().add(alice).add(emma).add("999999999"))).json();
        assertEquals(bulk.toString(), 2, bulk.path("added").asLong());
        assertEquals(bulk.toString(), 1, bulk.path("notFound").asLong());
        JsonNode calls = api.get("/v1/marketing/campaigns/" + phoneCampaign + "/call-list").json().path("items");
        assertEquals(calls.toString(), 1, calls.size()); // Alice has no phone: not reachable by phone
        assertEquals(emma, calls.get(0).path("partyId").asText());
        assertTrue(calls.toString(), calls.get(0).path("script").asText().contains(capital(word) + ", this is about Free visit"));
        api.post("/v1/marketing/campaigns/" + phoneCampaign + "/members/" + emma + "/responses",
                Api.object().put("status", "RESPONDED").put("outcome", "MEETING_SET"));
        assertEquals(0, api.get("/v1/marketing/campaigns/" + phoneCampaign + "/call-list").json().path("items").size());
        api.post("/v1/marketing/campaigns/" + phoneCampaign + "/members/" + alice + "/responses",
                Api.object().put("status", "RESPONDED").put("channel", "PHONE").put("outcome", "MEETING_SET"));

        // an opportunity attributed to the email campaign, its line discounted by the offer, then won
        ObjectNode deal = Api.object().put("accountId", alice).put("name", "Cellar for Alice").put("currency", "EUR")
                .put("campaignId", emailCampaign);
        deal.putArray("lineItems").addObject().put("productId", product).put("quantity", 10).put("unitPrice", 100);
        JsonNode opportunity = fixtures.create("/v1/sales/opportunities", deal);
        assertEquals(opportunity.toString(), 10, opportunity.path("lineItems").get(0).path("discount").asInt());
        assertEquals(0, opportunity.path("amount").decimalValue().compareTo(new java.math.BigDecimal("900")));
        Api.Response won = api.patch("/v1/sales/opportunities/" + opportunity.path("id").asText(),
                Api.object().put("stage", "CLOSED_WON").put("expectedCloseDate", java.time.LocalDate.now().toString()), null);
        assertEquals(won.toString(), 200, won.status());

        JsonNode totals = api.get("/v1/marketing/campaigns/" + emailCampaign + "/totals").json();
        assertEquals(totals.toString(), 4, totals.path("members").asLong());
        assertEquals(totals.toString(), 2, totals.path("responses").asLong());
        assertEquals(totals.toString(), 2, totals.path("sent").asLong());
        assertEquals(totals.toString(), 1, totals.path("wonOpportunities").asInt());
        assertAmount(totals.toString(), "900.00", totals.path("wonAmount"));
        assertAmount(totals.toString(), "-0.1000", totals.path("roi"));
        assertAmount(totals.toString(), "50.00", totals.path("responseRate"));
        assertEquals(3, agentA.get("/v1/marketing/campaigns/" + emailCampaign + "/totals").json().path("members").asLong());
        JsonNode tree = api.get("/v1/marketing/campaigns/" + programme + "/totals?subtree=true").json();
        assertEquals(tree.toString(), 6, tree.path("members").asLong());
        assertAmount(tree.toString(), "1500.00", tree.path("actualCost"));
        assertAmount(tree.toString(), "-0.4000", tree.path("roi"));
        // Alice responded to both campaigns before the deal: each gets half of it
        JsonNode split = api.get("/v1/marketing/campaigns/" + emailCampaign + "/totals?attribution=EVEN_SPLIT").json();
        assertAmount(split.toString(), "0.5", split.path("opportunities"));
        assertAmount(split.toString(), "450.00", split.path("wonAmount"));

        // into the core: timeline, overview, search
        String timeline = api.get("/v1/parties/" + alice + "/timeline").json().toString();
        assertTrue(timeline, timeline.contains("marketing:membership:" + emailCampaign));
        String overview = api.get("/v1/parties/" + alice + "/overview").json().toString();
        assertTrue(overview, overview.contains("\"section\":\"campaigns\""));
        String found = api.get("/v1/search?q=SPR-" + word).json().toString();
        assertTrue(found, found.contains("/marketing/campaigns/" + programme));
    }

    @Test
    public void badInputIsRefusedNamingTheField() {
        String word = unique();
        assertNamesField(api.post("/v1/marketing/campaigns", Api.object()), 422, "name");
        assertNamesField(api.post("/v1/marketing/campaigns", Api.object().put("name", "x")), 422, "type");
        assertNamesField(api.post("/v1/marketing/campaigns", campaign("x", "EMAIL", null).put("emailHtml", "Hello {{party.shoeSize}}")),
                422, "emailHtml");
        assertNamesField(api.post("/v1/marketing/campaigns", campaign("x", "EMAIL", null).put("actualCost", -1)), 422, "actualCost");
        int unknownType = api.post("/v1/marketing/campaigns", campaign("x", "TELEPATHY", null)).status();
        assertTrue("an unknown type is a 4xx: " + unknownType, unknownType == 400 || unknownType == 422);
        // the tree: at most 5 levels, never a cycle
        List<String> chain = new ArrayList<>();
        String parent = null;
        for (int level = 1; level <= 5; level++) {
            parent = fixtures.create("/v1/marketing/campaigns", campaign("Level " + level + " " + word, "OTHER", parent)).path("id").asText();
            chain.add(parent);
        }
        assertNamesField(api.post("/v1/marketing/campaigns", campaign("Level 6", "OTHER", parent)), 422, "parentId");
        assertNamesField(api.patch("/v1/marketing/campaigns/" + chain.get(0), Api.object().put("parentId", chain.get(2)), null), 422, "parentId");
        assertEquals(5, api.get("/v1/marketing/campaigns/" + chain.get(4)).json().path("depth").asInt());
        // status lists: exactly one default; a status in use stays
        ArrayNode twoDefaults = Api.object().arrayNode();
        twoDefaults.addObject().put("code", "A").put("label", "A").put("isDefault", true);
        twoDefaults.addObject().put("code", "B").put("label", "B").put("isDefault", true);
        assertNamesField(api.put("/v1/marketing/campaigns/" + chain.get(0) + "/statuses", twoDefaults, null), 422, "statuses");
        String member = fixtures.createParty(Fixtures.person("Solo", word)).path("id").asText();
        api.post("/v1/marketing/campaigns/" + chain.get(0) + "/members", Api.object().put("partyId", member));
        ArrayNode withoutPlanned = Api.object().arrayNode();
        withoutPlanned.addObject().put("code", "SENT").put("label", "Sent").put("isDefault", true);
        assertNamesField(api.put("/v1/marketing/campaigns/" + chain.get(0) + "/statuses", withoutPlanned, null), 422, "statuses");
        assertNamesField(api.post("/v1/marketing/campaigns/" + chain.get(0) + "/members/bulk",
                Api.object().set("partyIds", Api.object().arrayNode().add(member).add("not-an-id"))), 422, "partyIds[1]");
        assertNamesField(api.post("/v1/marketing/campaigns/" + chain.get(0) + "/members", Api.object().put("partyId", "123456789")), 422, "partyId");
        assertEquals(412, api.patch("/v1/marketing/campaigns/" + chain.get(0), Api.object().put("name", "y"), "\"999\"").status());
        assertEquals(409, api.delete("/v1/marketing/campaigns/" + chain.get(3)).status()); // it has a child
        assertEquals(404, api.get("/v1/marketing/campaigns/424242424242").status());
        ObjectNode wrongType = Api.object().put("name", "Bad");
        wrongType.putObject("criteria").put("field", "createdAt").put("op", "gt").put("value", 12);
        assertNamesField(api.post("/v1/marketing/segments", wrongType), 422, "criteria.value");
        ObjectNode unknownFact = Api.object().put("name", "Bad");
        unknownFact.putObject("criteria").put("fact", "banking.holdsProduct");
        assertNamesField(api.post("/v1/marketing/segments", unknownFact), 422, "criteria.fact");
        ObjectNode salesFact = Api.object().put("name", "With a deal " + word);
        salesFact.putObject("criteria").put("fact", "sales.openOpportunity").putObject("params").put("minAmount", "lots");
        assertNamesField(api.post("/v1/marketing/segments", salesFact), 422, "criteria.params.minAmount");
        assertNamesField(api.post("/v1/marketing/suppressions", Api.object().put("partyId", member).put("channel", "PIGEON")), 422, "channel");
    }

    private ObjectNode campaign(String name, String type, String parentId) {
        ObjectNode c = Api.object().put("name", name).put("type", type).put("currency", "EUR");
        if (parentId != null) {
            c.put("parentId", parentId);
        }
        return c;
    }

    /** A customer of {@code unit} with the tier, an email (opted out or not) and a phone when given. */
    private String party(String first, String last, String tierKey, String tier, String unit, String email, boolean optedOut, String phone) {
        ObjectNode body = Fixtures.person(first, capital(last)).put("orgUnitId", unit);
        body.putArray("classifications").add("CUSTOMER");
        body.putObject("customFields").put(tierKey, tier);
        ArrayNode mechanisms = body.putArray("contactMechanisms");
        if (email != null) {
            mechanisms.add(Fixtures.email(email).put("optOut", optedOut));
        }
        if (phone != null) {
            mechanisms.addObject().put("type", "PHONE").put("value", phone).put("purpose", "WORK").put("primary", true);
        }
        return fixtures.createParty(body).path("id").asText();
    }

    /** The API writes amounts as JSON numbers: compare their values, not their spelling. */
    private static void assertAmount(String message, String expected, JsonNode actual) {
        assertEquals(message, 0, new java.math.BigDecimal(expected).compareTo(actual.decimalValue()));
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

}
