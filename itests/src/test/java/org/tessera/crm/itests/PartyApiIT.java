package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.email;
import static org.tessera.crm.itests.Fixtures.items;
import static org.tessera.crm.itests.Fixtures.person;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertNamesField;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

/** The party contract of the REST API, over HTTP. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PartyApiIT {
    private final Api api = new Api();
    private final Fixtures fixtures = new Fixtures(api);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        api.awaitHealthy(60);
    }

    @Test
    public void createReturnsTheStoredPartyWithLocationAndEtag() {
        String token = unique();
        ObjectNode body = person("Jean-François", "Bérard" + token).put("salutation", "M.")
                .put("birthDate", "1971-04-12").put("jobTitle", "Gérant");
        body.putArray("classifications").add("PROSPECT").add("CUSTOMER");
        body.putArray("contactMechanisms").add(email("jf.berard." + token + "@example.com"))
                .add(Api.object().put("type", "PHONE").put("value", "+33 6 12 34 56 78").put("purpose", "MOBILE"));
        body.putObject("externalIds").put("erp", "C-" + token);
        body.put("id", "forged").put("version", 77).put("createdAt", "2000-01-01T00:00:00Z");

        Api.Response created = api.post("/v1/parties", body);

        assertEquals(created.toString(), 201, created.status());
        JsonNode party = created.json();
        String id = party.path("id").asText();
        assertTrue("opaque string id", party.path("id").isTextual());
        assertFalse("client id ignored", "forged".equals(id));
        assertEquals(1, party.path("version").asLong());
        assertFalse("client createdAt ignored", party.path("createdAt").asText().startsWith("2000"));
        assertTrue(created.header("Location").endsWith("/tessera/api/v1/parties/" + id));
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("Jean-François Bérard" + token, party.path("displayName").asText());
        assertEquals("1971-04-12", party.path("birthDate").asText());
        assertEquals(2, party.path("classifications").size());
        assertEquals(2, party.path("contactMechanisms").size());
        assertTrue(party.path("contactMechanisms").get(0).path("id").isTextual());
        assertEquals("C-" + token, party.path("externalIds").path("erp").asText());
        assertNotNull(party.path("updatedAt").asText(null));

        Api.Response read = api.get("/v1/parties/" + id);
        assertEquals(200, read.status());
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals(party.path("displayName"), read.json().path("displayName"));
    }

    @Test
    public void organizationsAndHouseholdsDeriveTheirDisplayName() {
        String token = unique();
        JsonNode org = fixtures.createParty(Api.object().put("type", "ORGANIZATION").put("legalName", "Crédit Côtier " + token)
                .put("registrationNumber", "552 120 222").put("industry", "Banking"));
        assertEquals("Crédit Côtier " + token, org.path("displayName").asText());
        JsonNode household = fixtures.createParty(Api.object().put("type", "HOUSEHOLD").put("name", "Famille O'Brien " + token));
        assertEquals("Famille O'Brien " + token, household.path("displayName").asText());
    }

    @Test
    public void mergePatchWithIfMatchUpdatesAndStaleVersionsAreRefused() {
        JsonNode party = fixtures.createParty(person("Hélène", "Lefèvre" + unique()).put("jobTitle", "Comptable"));
        String path = "/v1/parties/" + party.path("id").asText();

        Api.Response patched = api.patch(path, Api.object().put("jobTitle", "Directrice financière").putNull("salutation"), "\"1\"");
        assertEquals(patched.toString(), 200, patched.status());
        assertEquals("Directrice financière", patched.json().path("jobTitle").asText());
        assertEquals("Hélène", patched.json().path("firstName").asText());
        assertEquals(2, patched.json().path("version").asLong());
        assertEquals("\"2\"", patched.header("ETag"));

        Api.Response stale = api.patch(path, Api.object().put("jobTitle", "Lost update"), "\"1\"");
        assertProblem(stale, 412);
        assertEquals("Directrice financière", api.get(path).json().path("jobTitle").asText());

        Api.Response wrongType = api.sendBody("PATCH", path, "{\"jobTitle\":\"x\"}", "application/json", "\"2\"");
        assertProblem(wrongType, 415);
    }

    @Test
    public void putNeedsIfMatchAndReplacesTheParty() {
        JsonNode party = fixtures.createParty(person("Zoë", "O'Brien" + unique()).put("jobTitle", "Ingénieur"));
        String path = "/v1/parties/" + party.path("id").asText();
        ObjectNode replacement = person("Zoë", party.path("lastName").asText());

        assertProblem(api.put(path, replacement, null), 428);

        Api.Response replaced = api.put(path, replacement, "\"1\"");
        assertEquals(replaced.toString(), 200, replaced.status());
        assertTrue("jobTitle removed by the full replace", replaced.json().path("jobTitle").isMissingNode()
                || replaced.json().path("jobTitle").isNull());
        assertProblem(api.put(path, replacement, "\"1\""), 412);
    }

    @Test
    public void deleteRemovesTheParty() {
        JsonNode party = fixtures.createParty(person("Noël", "Château" + unique()));
        String path = "/v1/parties/" + party.path("id").asText();
        assertEquals(204, api.delete(path).status());
        assertProblem(api.get(path), 404);
        assertProblem(api.delete(path), 404);
    }

    @Test
    public void quickSearchIsPrefixCaseAndAccentInsensitiveOnNamesEmailsAndPhones() {
        String token = unique();
        JsonNode party = fixtures.createParty((ObjectNode) person("Jean-François", "Bérard")
                .put("jobTitle", token)
                .set("contactMechanisms", Api.object().arrayNode()
                        .add(email("jf.berard" + token + "@example.com"))
                        .add(Api.object().put("type", "PHONE").put("value", "+33 4 78 12 34 56"))));
        String id = party.path("id").asText();

        assertTrue(ids(api.get("/v1/parties?q=berard&limit=200")).contains(id) || searchFinds("BERARD jean", id));
        assertTrue("email prefix", searchFinds("jf.berard" + token.substring(0, 3), id));
        assertTrue("accented query", searchFinds("Bérard jf.berard" + token, id));
        assertTrue("first name prefix, upper case", searchFinds("JEAN-FRAN jf.berard" + token, id));
        assertTrue("national phone form", searchFinds("0478123456 jf.berard" + token, id));
        assertTrue("international phone form", searchFinds("+33 4 78 jf.berard" + token, id) || searchFinds("33478 jf.berard" + token, id));
        assertFalse("non-matching word", searchFinds("dupont jf.berard" + token, id));
    }

    @Test
    public void listsArePagedWithAKeysetCursorAndFilters() {
        JsonNode agent = fixtures.newAgent();
        String ownerId = agent.path("id").asText();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode body = person("Loïc", "Le Goff " + i).put("ownerId", ownerId);
            body.putArray("classifications").add(i % 2 == 0 ? "CUSTOMER" : "PROSPECT");
            created.add(fixtures.createParty(body).path("id").asText());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/v1/parties?ownerId=" + ownerId + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(page.toString(), 200, page.status());
            page.json().path("items").forEach(item -> seen.add(item.path("id").asText()));
            cursor = page.json().path("nextCursor").asText(null);
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(5, seen.size());
        assertEquals(created, new HashSet<>(seen));

        Set<String> customers = ids(api.get("/v1/parties?ownerId=" + ownerId + "&classification=CUSTOMER"));
        assertEquals(3, customers.size());
        assertEquals(5, ids(api.get("/v1/parties?ownerId=" + ownerId + "&type=PERSON")).size());
        assertEquals(0, ids(api.get("/v1/parties?ownerId=" + ownerId + "&type=ORGANIZATION")).size());

        List<String> byName = new ArrayList<>();
        api.get("/v1/parties?ownerId=" + ownerId + "&sort=name&limit=10").json().path("items")
                .forEach(item -> byName.add(item.path("lastName").asText()));
        assertEquals(List.of("Le Goff 0", "Le Goff 1", "Le Goff 2", "Le Goff 3", "Le Goff 4"), byName);

        // descending orders page with their own cursors; a cursor of another order is a 400 naming it
        assertEquals(List.of("Le Goff 4", "Le Goff 3", "Le Goff 2", "Le Goff 1", "Le Goff 0"),
                walk("/v1/parties?ownerId=" + ownerId + "&sort=-name&limit=2", "lastName"));
        List<String> newestFirst = walk("/v1/parties?ownerId=" + ownerId + "&sort=-createdAt&limit=2", "id");
        List<String> oldestFirst = walk("/v1/parties?ownerId=" + ownerId + "&sort=createdAt&limit=3", "id");
        assertEquals(5, newestFirst.size());
        java.util.Collections.reverse(oldestFirst);
        assertEquals(newestFirst, oldestFirst);
        String nameCursor = api.get("/v1/parties?ownerId=" + ownerId + "&sort=name&limit=2").json().path("nextCursor").asText();
        assertNamesField(api.get("/v1/parties?ownerId=" + ownerId + "&sort=-name&limit=2&cursor=" + nameCursor), 400, "cursor");
        assertNamesField(api.get("/v1/parties?sort=owner"), 400, "sort");
    }

    /** Every page of a listing, following nextCursor; the given field of each item. */
    private List<String> walk(String path, String field) {
        List<String> values = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get(path + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(page.toString(), 200, page.status());
            page.json().path("items").forEach(item -> values.add(item.path(field).asText()));
            cursor = page.json().path("nextCursor").asText(null);
        } while (cursor != null && ++pages < 10);
        return values;
    }

    @Test
    public void theTimelineIsFilteredByModuleAndTypeOnTheServer() {
        String party = fixtures.createParty(person("Maëlle", "Timeline" + unique())).path("id").asText();
        for (int i = 0; i < 3; i++) {
            ObjectNode call = Api.object().put("type", "CALL").put("subject", "call " + i).put("status", "DONE")
                    .put("startAt", "2030-01-0" + (i + 1) + "T10:00:00Z");
            call.putArray("participants").add(party);
            assertEquals(201, api.post("/v1/activities", call).status());
        }
        JsonNode sources = api.get("/v1/timeline/sources").json();
        boolean coreActivities = false;
        for (JsonNode source : sources.path("items")) {
            coreActivities |= "core".equals(source.path("module").asText()) && source.path("kinds").toString().contains("ACTIVITY");
        }
        assertTrue(sources.toString(), coreActivities);
        List<String> kinds = walk("/v1/parties/" + party + "/timeline?module=core&type=ACTIVITY&limit=2", "kind");
        assertEquals(List.of("ACTIVITY", "ACTIVITY", "ACTIVITY"), kinds);
        assertNamesField(api.get("/v1/parties/" + party + "/timeline?module=nosuchmodule"), 400, "module");
        assertNamesField(api.get("/v1/parties/" + party + "/timeline?type=NOSUCHKIND"), 400, "type");
        assertNamesField(api.get("/v1/parties/" + party + "/timeline?module=core&type=OPPORTUNITY"), 400, "type");
    }

    @Test
    public void relationshipsAreTypedAndDated() {
        JsonNode person = fixtures.createParty(person("Cécile", "D'Arcy" + unique()));
        JsonNode company = fixtures.createParty(Api.object().put("type", "ORGANIZATION").put("legalName", "Cabinet D'Arcy " + unique()));
        String path = "/v1/parties/" + person.path("id").asText() + "/relationships";

        Api.Response created = api.post(path, Api.object().put("type", "EMPLOYEE_OF")
                .put("toPartyId", company.path("id").asText()).put("from", "2020-01-01"));
        assertEquals(created.toString(), 201, created.status());
        assertEquals("EMPLOYEE_OF", created.json().path("type").asText());

        boolean found = false;
        for (JsonNode relationship : items(api.get(path))) {
            found |= company.path("id").asText().equals(relationship.path("toPartyId").asText())
                    && "2020-01-01".equals(relationship.path("from").asText());
        }
        assertTrue(found);

        Api.Response badDates = api.post(path, Api.object().put("type", "CONTACT_OF")
                .put("toPartyId", company.path("id").asText()).put("from", "2021-01-01").put("thru", "2020-01-01"));
        assertTrue(badDates.toString(), badDates.status() == 422 || badDates.status() == 400);
        Api.Response unknownType = api.post(path, Api.object().put("type", "ARCHENEMY_OF").put("toPartyId", company.path("id").asText()));
        assertNamesField(unknownType, 422, "type");
        Api.Response unknownParty = api.post(path, Api.object().put("type", "CONTACT_OF").put("toPartyId", "987654321"));
        assertTrue(unknownParty.toString(), unknownParty.status() == 422 || unknownParty.status() == 404);
        assertProblem(api.post("/v1/parties/987654321/relationships", Api.object().put("type", "CONTACT_OF")
                .put("toPartyId", company.path("id").asText())), 404);
    }

    @Test
    public void customFieldsAreDefinedValidatedReturnedAndFilterable() {
        String key = "segment" + unique();
        ObjectNode definition = Api.object().put("entityType", "PARTY").put("key", key).put("type", "PICKLIST");
        definition.putArray("values").add("GOLD").add("SILVER");
        fixtures.create("/v1/custom-fields", definition);
        assertProblem(api.post("/v1/custom-fields", definition), 409);

        String scoreKey = "score" + unique();
        fixtures.create("/v1/custom-fields", Api.object().put("entityType", "PARTY").put("key", scoreKey).put("type", "NUMBER"));

        ObjectNode gold = person("Agnès", "Mercier" + unique());
        gold.putObject("customFields").put(key, "GOLD").put(scoreKey, 12);
        JsonNode created = fixtures.createParty(gold);
        assertEquals("GOLD", created.path("customFields").path(key).asText());
        assertEquals(12, created.path("customFields").path(scoreKey).asInt());

        ObjectNode bronze = person("Benoît", "Mercier" + unique());
        bronze.putObject("customFields").put(key, "BRONZE");
        assertNamesField(api.post("/v1/parties", bronze), 422, "customFields." + key);

        ObjectNode notANumber = person("Benoît", "Mercier" + unique());
        notANumber.putObject("customFields").put(scoreKey, "douze");
        assertNamesField(api.post("/v1/parties", notANumber), 422, "customFields." + scoreKey);

        ObjectNode unknown = person("Benoît", "Mercier" + unique());
        unknown.putObject("customFields").put("shoeSize" + unique(), 44);
        assertProblem(api.post("/v1/parties", unknown), 422);

        Set<String> golds = ids(api.get("/v1/parties?customFields." + key + "=GOLD&limit=200"));
        assertEquals(Set.of(created.path("id").asText()), golds);

        boolean listed = false;
        for (JsonNode field : items(api.get("/v1/custom-fields?entityType=PARTY"))) {
            listed |= key.equals(field.path("key").asText());
        }
        assertTrue(listed);
    }

    @Test
    public void picklistsAreListedAndCreated() {
        boolean classifications = false;
        for (JsonNode picklist : items(api.get("/v1/picklists"))) {
            classifications |= "party-classification".equals(picklist.path("key").asText());
        }
        assertTrue(classifications);
        String key = "risk-profile-" + unique();
        ObjectNode picklist = Api.object().put("key", key).put("label", "Risk profile");
        picklist.putArray("values").add(Api.object().put("code", "LOW").put("label", "Low"))
                .add(Api.object().put("code", "HIGH").put("label", "High"));
        fixtures.create("/v1/picklists", picklist);
        assertEquals(2, api.get("/v1/picklists/" + key).json().path("values").size());
        assertProblem(api.post("/v1/picklists", picklist), 409);
    }

    @Test
    public void duplicateExternalIdsConflict() {
        String externalId = "X-" + unique();
        ObjectNode first = person("Inès", "Nuñez" + unique());
        first.putObject("externalIds").put("erp", externalId);
        fixtures.createParty(first);
        ObjectNode second = person("Inès", "Nuñez" + unique());
        second.putObject("externalIds").put("erp", externalId);
        assertProblem(api.post("/v1/parties", second), 409);
    }

    private boolean searchFinds(String q, String id) {
        return ids(api.get("/v1/parties?limit=200&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))).contains(id);
    }

    private static Set<String> ids(Api.Response response) {
        Set<String> ids = new HashSet<>();
        for (JsonNode item : items(response)) {
            ids.add(item.path("id").asText());
        }
        return ids;
    }
}
