package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertNamesField;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import org.osgi.framework.BundleContext;

/**
 * The banking pack over HTTP, in the distribution: a household of two with joint and individual
 * accounts, its rollup (a joint owner in another household sees the account without counting it),
 * a birth recorded, a call logged and the right offer proposed with its reason, accepted into a
 * sales opportunity, a second offer rejected and not proposed again during its cool-down; and the
 * 4xx answers that name the field.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class BankingIT {
    @Inject
    FeaturesService features;
    @Inject
    BundleContext context;

    private final Api api = new Api();
    private final Fixtures fixtures = new Fixtures(api);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void bankingServes() throws Exception {
        api.awaitHealthy(60);
        assertTrue("the distribution boots with banking", features.isInstalled(features.getFeature("tessera-banking")));
        Waits.awaitTrue(() -> api.get("/v1/banking/offer-rules").status() == 200, "banking endpoints", 15);
        // Sales is an optional import of banking: after other suites' module operations have updated or
        // swapped sales in this shared container (ModulesApiIT, HotSwapIT), banking is rewired to the
        // sales of now, as an operator does after reinstalling sales (bundle:refresh).
        ModuleBundles.refresh(context, List.of("banking"), 30);
        Waits.awaitTrue(() -> api.get("/v1/banking/offer-rules").status() == 200, "banking endpoints after refresh", 30);
    }

    @Test
    public void householdRollupOffersAcceptedAndRejectedAtAnInteraction() throws Exception {
        String token = unique();
        String household = party(Api.object().put("type", "HOUSEHOLD").put("name", "Foyer Martin " + token));
        String otherHousehold = party(Api.object().put("type", "HOUSEHOLD").put("name", "Foyer Durand " + token));
        String alice = party(Fixtures.person("Alice", "Martin" + token).put("birthDate", "1990-04-02"));
        String bob = party(Fixtures.person("Bob", "Martin" + token));
        String carol = party(Fixtures.person("Carol", "Durand" + token));
        member(household, alice, "HEAD");
        member(household, bob, "SPOUSE");
        member(otherHousehold, carol, "HEAD");

        // a person has one primary household
        assertNamesField(api.post("/v1/banking/households/" + otherHousehold + "/members",
                Api.object().put("partyId", alice).put("role", "OTHER").put("primary", true)), 422, "primary");

        String joint = account("FR76" + token.toUpperCase() + "01", "CURRENT", "EUR", "2500.00", owner(alice, "PRIMARY_OWNER"), owner(bob, "JOINT_OWNER"));
        String savings = account("FR76" + token.toUpperCase() + "02", "SAVINGS", "EUR", "10000.00", owner(alice, "PRIMARY_OWNER"),
                owner(carol, "JOINT_OWNER"));
        account("FR76" + token.toUpperCase() + "03", "CURRENT", "EUR", "800.00", owner(bob, "PRIMARY_OWNER"));
        account("US00" + token.toUpperCase() + "04", "CURRENT", "USD", "100.00", owner(bob, "PRIMARY_OWNER"));
        account("FR76" + token.toUpperCase() + "05", "MORTGAGE", "EUR", "-150000.00", owner(alice, "PRIMARY_OWNER"), owner(bob, "JOINT_OWNER"));
        assertEquals(201, api.post("/v1/banking/parties/" + alice + "/assets", Api.object().put("kind", "ASSET").put("category", "PROPERTY")
                .put("value", 320000).put("currency", "EUR")).status());

        // the household counts each account once; EUR and USD apart
        JsonNode rollup = ok(api.get("/v1/banking/households/" + household + "/rollup"));
        JsonNode eur = totals(rollup, "EUR");
        assertAmount("13300", eur.path("deposits"));
        assertAmount("150000", eur.path("loans"));
        assertAmount("320000", eur.path("assets"));
        assertAmount("183300", eur.path("netWorth"));
        assertAmount("100", totals(rollup, "USD").path("deposits"));
        assertEquals(5, rollup.path("countedAccounts").asInt());
        assertEquals(0, rollup.path("sharedAccounts").size());
        // Carol holds the savings jointly: shown in her household, counted in Alice's
        JsonNode carols = ok(api.get("/v1/banking/households/" + otherHousehold + "/rollup"));
        assertEquals(0, carols.path("countedAccounts").asInt());
        assertEquals(savings, carols.path("sharedAccounts").get(0).path("accountId").asText());
        assertEquals(household, carols.path("sharedAccounts").get(0).path("countedInHouseholdId").asText());

        // rules: a bad one is refused naming the path inside its conditions
        ObjectNode bad = rule("bad-" + token, 1, "Nothing", condition("lifeEvent.recent", Api.object().put("eventType", "MARRIAGE")
                .put("withinDay", 30)));
        JsonNode problem = assertProblem(api.post("/v1/banking/offer-rules", bad), 422);
        assertTrue(problem.toString(), problem.toString().contains("conditions[0].parameters.withinDay"));
        assertNamesField(api.post("/v1/banking/offer-rules", rule("bad2-" + token, 1, "Nothing",
                condition("crystal.ball", Api.object()))), 422, "conditions[0].type");

        String newParent = ok201(api.post("/v1/banking/offer-rules", rule("new-parent-" + token, 900, "Junior savings account",
                condition("lifeEvent.recent", Api.object().put("eventType", "BIRTH_OF_CHILD").put("withinDays", 180)),
                condition("activity.recent", Api.object().put("withinDays", 1))))).path("id").asText();
        String premium = ok201(api.post("/v1/banking/offer-rules", rule("premium-" + token, 800, "Premium card",
                condition("account.balance", Api.object().put("accountType", "SAVINGS").put("min", 5000).put("currency", "EUR")))
                .put("coolDownDays", 60))).path("id").asText();

        // before the birth and the call, only the premium card fits
        assertEquals(List.of(premium), ruleIds(offers(alice)));

        assertEquals(201, api.post("/v1/banking/parties/" + alice + "/life-events", Api.object().put("type", "BIRTH_OF_CHILD")
                .put("occurredOn", LocalDate.now().minusDays(20).toString())).status());
        assertNamesField(api.post("/v1/banking/parties/" + alice + "/life-events", Api.object().put("type", "LOTTERY_WIN")
                .put("occurredOn", "2026-01-01")), 422, "type");
        ArrayNode participants = Api.object().arrayNode().add(alice);
        assertEquals(201, api.post("/v1/activities", Api.object().put("type", "CALL").put("subject", "Call about the baby")
                .put("status", "DONE").put("channel", "PHONE").put("startAt", Instant.now().toString()).set("participants", participants)).status());

        JsonNode proposed = offers(alice);
        assertEquals(List.of(newParent, premium), ruleIds(proposed));
        assertTrue(proposed.toString(), proposed.get(0).path("reasons").toString().contains("BIRTH_OF_CHILD"));
        assertEquals("Junior savings account", proposed.get(0).path("offer").path("name").asText());

        // accepted: a sales opportunity, since sales is installed
        JsonNode accepted = ok(api.post("/v1/banking/parties/" + alice + "/offers/" + newParent + "/accept",
                Api.object().put("note", "Meeting next week")));
        String followUp = accepted.path("followUp").asText();
        assertTrue(followUp, followUp.startsWith("sales:opportunity:"));
        JsonNode opportunity = ok(api.get("/v1/sales/opportunities/" + followUp.substring("sales:opportunity:".length())));
        assertEquals(alice, opportunity.path("accountId").asText());

        // rejected: a reason is required, then not proposed during the cool-down
        assertNamesField(api.post("/v1/banking/parties/" + alice + "/offers/" + premium + "/reject", Api.object()), 422, "reason");
        assertEquals("REJECTED", ok(api.post("/v1/banking/parties/" + alice + "/offers/" + premium + "/reject",
                Api.object().put("reason", "Has a card elsewhere"))).path("decision").asText());
        assertEquals(List.of(), ruleIds(offers(alice)));
        assertProblem(api.post("/v1/banking/parties/" + alice + "/offers/" + premium + "/accept", Api.object()), 409);

        // the 360° view and the timeline show the banking side of Alice
        JsonNode overview = ok(api.get("/v1/parties/" + alice + "/overview"));
        assertTrue(overview.toString(), overview.toString().contains("\"module\":\"banking\""));
        JsonNode timeline = ok(api.get("/v1/parties/" + alice + "/timeline?limit=50"));
        String kinds = timeline.toString();
        assertTrue(kinds, kinds.contains("LIFE_EVENT") && kinds.contains("OFFER_DECISION") && kinds.contains("ACCOUNT_OPENED"));
        // the global search finds an account by number
        JsonNode search = ok(api.get("/v1/search?q=FR76" + token.toUpperCase() + "01"));
        assertTrue(search.toString(), search.toString().contains(joint));
    }

    @Test
    public void aRuleOffersAMarketingCampaignOfferWhileItsCampaignIsActive() {
        String token = unique();
        String client = party(Fixtures.person("Dora", "Lefèvre" + token));
        String campaign = fixtures.create("/v1/marketing/campaigns", Api.object().put("name", "Saver spring " + token)
                .put("type", "PHONE")).path("id").asText();
        String offer = fixtures.create("/v1/marketing/campaigns/" + campaign + "/offers", Api.object().put("name", "Booster " + token)
                .put("startDate", LocalDate.now().minusDays(1).toString())).path("id").asText();

        // a planned campaign's offer cannot be offered yet
        ObjectNode early = rule("mkt-early-" + token, 950, "unused", condition("activity.recent", Api.object().put("withinDays", 1)));
        early.putObject("offer").put("source", "marketing").put("code", offer);
        assertNamesField(api.post("/v1/banking/offer-rules", early), 422, "offer.code");
        assertEquals(200, api.patch("/v1/marketing/campaigns/" + campaign, Api.object().put("status", "ACTIVE"), null).status());

        ObjectNode rule = rule("mkt-" + token, 950, "unused", condition("activity.recent", Api.object().put("withinDays", 1)));
        rule.putObject("offer").put("source", "marketing").put("code", offer);
        String ruleId = ok201(api.post("/v1/banking/offer-rules", rule)).path("id").asText();
        ObjectNode unknownSource = rule("mkt-bad-" + token, 1, "unused", condition("activity.recent", Api.object().put("withinDays", 1)));
        unknownSource.putObject("offer").put("source", "astrology").put("code", "X");
        assertNamesField(api.post("/v1/banking/offer-rules", unknownSource), 422, "offer.source");

        ArrayNode participants = Api.object().arrayNode().add(client);
        assertEquals(201, api.post("/v1/activities", Api.object().put("type", "CALL").put("subject", "Savings question")
                .put("status", "DONE").put("channel", "PHONE").put("startAt", Instant.now().toString()).set("participants", participants)).status());
        JsonNode proposed = offers(client);
        assertEquals(List.of(ruleId), ruleIds(proposed));
        assertEquals("Booster " + token, proposed.get(0).path("offer").path("name").asText());
        assertEquals("marketing", proposed.get(0).path("offer").path("source").asText());

        String followUp = ok(api.post("/v1/banking/parties/" + client + "/offers/" + ruleId + "/accept", Api.object()))
                .path("followUp").asText();
        assertTrue(followUp, followUp.startsWith("sales:opportunity:"));
        JsonNode opportunity = ok(api.get("/v1/sales/opportunities/" + followUp.substring("sales:opportunity:".length())));
        assertEquals("the opportunity is attributed to the offer's campaign", campaign, opportunity.path("campaignId").asText());
    }

    @Test
    public void accountRulesAreCheckedAndNameTheField() {
        String token = unique();
        String alice = party(Fixtures.person("Alice", "Roux" + token));
        String bob = party(Fixtures.person("Bob", "Roux" + token));
        // two primary owners at once
        assertNamesField(api.post("/v1/banking/accounts", accountBody("FR11" + token.toUpperCase(), "CURRENT", "EUR", "1",
                owner(alice, "PRIMARY_OWNER"), owner(bob, "PRIMARY_OWNER"))), 422, "roles");
        // beneficiaries' shares sum to 90 %
        assertNamesField(api.post("/v1/banking/accounts", accountBody("FR12" + token.toUpperCase(), "INSURANCE_LINKED", "EUR", "1",
                owner(alice, "PRIMARY_OWNER"), owner(bob, "BENEFICIARY").put("sharePercent", 60),
                owner(alice, "BENEFICIARY").put("sharePercent", 30))), 422, "roles");
        // an unknown type, a bad currency, a closing date on an open account
        Api.Response bad = api.post("/v1/banking/accounts", accountBody("FR13" + token.toUpperCase(), "GOLD_BARS", "euro", "1",
                owner(alice, "PRIMARY_OWNER")).put("status", "OPEN").put("closedOn", "2025-01-01"));
        assertNamesField(bad, 422, "type");
        assertNamesField(bad, 422, "currency");
        assertNamesField(bad, 422, "closedOn");
        // KYC: a HIGH risk account needs a recent review
        ObjectNode risky = accountBody("FR14" + token.toUpperCase(), "CURRENT", "EUR", "1", owner(alice, "PRIMARY_OWNER"));
        risky.putObject("customFields").put("kycRiskRating", "HIGH");
        assertNamesField(api.post("/v1/banking/accounts", risky), 422, "customFields.kycReviewedOn");
        ((ObjectNode) risky.get("customFields")).put("kycReviewedOn", LocalDate.now().minusMonths(2).toString());
        JsonNode created = ok201(api.post("/v1/banking/accounts", risky));
        // a duplicate number, spaces and case aside
        assertNamesField(api.post("/v1/banking/accounts", accountBody("fr14 " + token.toUpperCase(), "CURRENT", "EUR", "1",
                owner(alice, "PRIMARY_OWNER"))), 409, "number");
        // the balance of an account held here is the core banking system's: read-only over REST
        Api.Response patched = api.patch("/v1/banking/accounts/" + created.path("id").asText(), Api.object().put("balance", 999),
                "\"" + created.path("version").asText() + "\"");
        assertNamesField(patched, 422, "balance");
        // a stale If-Match
        assertProblem(api.patch("/v1/banking/accounts/" + created.path("id").asText(), Api.object().put("product", "Gold"), "\"99\""), 412);
    }

    @Test
    public void accountsImportUpsertsByNumberWithAPerRowReport() {
        String token = unique();
        String legacyId = "C-" + token;
        String owner = party(Fixtures.person("Emma", "Petit" + token).set("externalIds", Api.object().put("legacy", legacyId)));
        String number = "FR99" + token.toUpperCase();
        String good = "{\"number\":\"" + number + "\",\"type\":\"SAVINGS\",\"currency\":\"EUR\",\"balance\":1200.5,\"openedOn\":\"2024-05-01\","
                + "\"importedRoles\":[{\"role\":\"PRIMARY_OWNER\",\"partyExternalId\":{\"source\":\"legacy\",\"id\":\"" + legacyId + "\"}}]}";
        String unknownField = "{\"number\":\"FR98" + token.toUpperCase() + "\",\"colour\":\"blue\"}";
        String noOwner = "{\"number\":\"FR97" + token.toUpperCase() + "\",\"type\":\"SAVINGS\",\"currency\":\"EUR\","
                + "\"importedRoles\":[{\"role\":\"PRIMARY_OWNER\",\"partyExternalId\":{\"source\":\"legacy\",\"id\":\"nobody-" + token + "\"}}]}";
        JsonNode report = ok(api.sendBody("POST", "/v1/banking/accounts:import", good + "\n" + unknownField + "\n\n" + noOwner + "\n",
                "application/x-ndjson", null));
        assertEquals(report.toString(), 1, report.path("created").asInt());
        assertEquals(report.toString(), 2, report.path("rejected").asInt());
        assertEquals(2, report.path("errors").get(0).path("line").asInt());
        assertEquals("colour", report.path("errors").get(0).path("errors").get(0).path("field").asText());
        assertEquals(4, report.path("errors").get(1).path("line").asInt());
        assertEquals("importedRoles[0].partyExternalId", report.path("errors").get(1).path("errors").get(0).path("field").asText());

        JsonNode again = ok(api.sendBody("POST", "/v1/banking/accounts:import", good + "\n", "application/x-ndjson", null));
        assertEquals(again.toString(), 1, again.path("unchanged").asInt());
        JsonNode updated = ok(api.sendBody("POST", "/v1/banking/accounts:import", good.replace("1200.5", "1300"), "application/x-ndjson", null));
        assertEquals(updated.toString(), 1, updated.path("updated").asInt());
        JsonNode page = ok(api.get("/v1/banking/accounts?partyId=" + owner));
        assertEquals(1, page.path("items").size());
        assertAmount("1300", page.path("items").get(0).path("balance"));

        // life events of the same extract: the person by external id, loaded once however often the file comes
        String day = LocalDate.now().minusDays(5).toString();
        String event = "{\"partyExternalId\":{\"source\":\"legacy\",\"id\":\"" + legacyId + "\"},\"type\":\"HOME_PURCHASE\",\"occurredOn\":\"" + day + "\"}";
        String badType = "{\"partyId\":\"" + owner + "\",\"type\":\"LOTTERY_WIN\",\"occurredOn\":\"" + day + "\"}";
        JsonNode events = ok(api.sendBody("POST", "/v1/banking/life-events:import", event + "\n" + badType + "\n", "application/x-ndjson", null));
        assertEquals(events.toString(), 1, events.path("created").asInt());
        assertEquals("type", events.path("errors").get(0).path("errors").get(0).path("field").asText());
        JsonNode reloaded = ok(api.sendBody("POST", "/v1/banking/life-events:import", event + "\n", "application/x-ndjson", null));
        assertEquals(reloaded.toString(), 1, reloaded.path("unchanged").asInt());
        JsonNode lifeEvents = ok(api.get("/v1/banking/parties/" + owner + "/life-events")).path("items");
        assertEquals(1, lifeEvents.size());
        assertEquals("IMPORT", lifeEvents.get(0).path("source").asText());
    }

    @Test
    public void balancesAreASensitiveFieldSet() {
        String token = unique();
        String owner = party(Fixtures.person("Hugo", "Blanc" + token));
        String id = ok201(api.post("/v1/banking/accounts", accountBody("FR55" + token.toUpperCase(), "SAVINGS", "EUR", "4321",
                owner(owner, "PRIMARY_OWNER")))).path("id").asText();
        Api admin = api;
        // the "nobody" test user's role (no agent, so all-records for a perimeter), granted the accounts but not their balances
        assertEquals(204, admin.put("/v1/security/roles/nopermission", Api.object().set("permissions",
                Api.parse("[\"core.party.read\", \"all-records\", \"banking.account.read\", \"banking.client.read\"]")), null).status());
        try {
            Api teller = Api.as("nobody", "nobody");
            JsonNode seen = ok(teller.get("/v1/banking/accounts/" + id));
            assertTrue(seen.toString(), seen.path("balance").isNull() || seen.path("balance").isMissingNode());
            assertEquals("SAVINGS", seen.path("type").asText());
            assertProblem(teller.get("/v1/banking/parties/" + owner + "/rollup"), 403);
            assertAmount("4321", ok(admin.get("/v1/banking/accounts/" + id)).path("balance"));
        } finally {
            admin.delete("/v1/security/roles/nopermission");
        }
    }

    // ---- helpers

    private String party(ObjectNode body) {
        return fixtures.createParty(body).path("id").asText();
    }

    private void member(String household, String person, String role) {
        Api.Response response = api.post("/v1/banking/households/" + household + "/members", Api.object().put("partyId", person).put("role", role));
        assertEquals(response.toString(), 201, response.status());
    }

    private static ObjectNode owner(String partyId, String role) {
        return Api.object().put("partyId", partyId).put("role", role).put("from", "2020-01-01");
    }

    private static ObjectNode accountBody(String number, String type, String currency, String balance, ObjectNode... roles) {
        ObjectNode body = Api.object().put("number", number).put("type", type).put("currency", currency)
                .put("balance", new BigDecimal(balance)).put("openedOn", "2020-01-01").put("product", type.toLowerCase() + " account");
        ArrayNode list = body.putArray("roles");
        for (ObjectNode role : roles) {
            list.add(role);
        }
        return body;
    }

    private String account(String number, String type, String currency, String balance, ObjectNode... roles) {
        return ok201(api.post("/v1/banking/accounts", accountBody(number, type, currency, balance, roles))).path("id").asText();
    }

    private static ObjectNode condition(String type, ObjectNode parameters) {
        ObjectNode condition = Api.object().put("type", type);
        condition.set("parameters", parameters);
        return condition;
    }

    private static ObjectNode rule(String key, int priority, String offerName, ObjectNode... conditions) {
        ObjectNode rule = Api.object().put("key", key).put("name", offerName + " rule").put("priority", priority);
        ArrayNode list = rule.putArray("conditions");
        for (ObjectNode condition : conditions) {
            list.add(condition);
        }
        rule.putObject("offer").put("code", key.toUpperCase()).put("name", offerName);
        return rule;
    }

    private JsonNode offers(String party) {
        return ok(api.get("/v1/banking/parties/" + party + "/offers")).path("items");
    }

    private static List<String> ruleIds(JsonNode offers) {
        List<String> ids = new ArrayList<>();
        offers.forEach(offer -> ids.add(offer.path("ruleId").asText()));
        return ids;
    }

    private static JsonNode totals(JsonNode rollup, String currency) {
        for (JsonNode totals : rollup.path("totals")) {
            if (currency.equals(totals.path("currency").asText())) {
                return totals;
            }
        }
        throw new AssertionError("no " + currency + " totals in " + rollup);
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertFalse("amount missing", actual.isMissingNode() || actual.isNull());
        assertEquals(actual.toString(), 0, new BigDecimal(expected).compareTo(new BigDecimal(actual.asText())));
    }

    private static JsonNode ok(Api.Response response) {
        assertEquals(response.toString(), 200, response.status());
        return response.json();
    }

    private static JsonNode ok201(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }
}
