package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.unique;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The 360° overview and the global search in the real distribution: the core's, the sales
 * module's and the dealer pack's contributions; sales leaving and coming back; and a restricted
 * agent who sees nothing of another agency in either.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OverviewSearchIT {
    private static final String SALES = "tessera-sales";
    private static final String DEALER = "tessera-dealer";
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    FeaturesService features;

    private final Api admin = new Api();
    private final Fixtures fixtures = new Fixtures(admin);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() throws Exception {
        admin.awaitHealthy(60);
        Waits.awaitTrue(() -> admin.get("/v1/sales/pipelines").status() == 200, "sales endpoints", 15);
    }

    @Test
    public void theOverviewAndTheSearchGatherTheCoreSalesAndTheDealerPack() throws Exception {
        String version = System.getProperty("tessera.version", "0.1.0-SNAPSHOT");
        features.addRepository(URI.create("mvn:org.tessera.crm.examples/org.tessera.crm.examples.dealer.features/" + version + "/xml/features"));
        features.installFeature(DEALER, NO_REFRESH);
        try {
            Waits.awaitTrue(() -> searchGroups(admin, "x").contains("vehicle"), "the dealer pack's search group", 15);
            String word = unique();
            ObjectNode body = Fixtures.person("Maël", "Kérouac" + word);
            body.putArray("contactMechanisms").add(Fixtures.email(word + "@example.com"));
            String partyId = fixtures.createParty(body).path("id").asText();
            fixtures.create("/v1/sales/opportunities", Api.object().put("accountId", partyId).put("name", "Flotte " + word)
                    .put("amount", 12000).put("currency", "EUR").put("expectedCloseDate", "2027-03-31"));
            fixtures.create("/v1/dealer/vehicles", Api.object().put("vin", randomVin()).put("make", "Renault").put("model", "Mégane")
                    .put("registration", word.toUpperCase(Locale.ROOT)).put("ownerPartyId", partyId));
            ObjectNode call = Api.object().put("type", "CALL").put("subject", "Rappeler " + word).put("status", "PLANNED")
                    .put("dueAt", "2030-01-15T09:00:00Z");
            call.putArray("participants").add(partyId);
            fixtures.create("/v1/activities", call);

            JsonNode overview = admin.get("/v1/parties/" + partyId + "/overview").json();
            assertEquals(partyId, overview.at("/party/id").asText());
            assertEquals("Maël Kérouac" + word, overview.at("/party/displayName").asText());
            List<String> sections = sectionKeys(overview);
            assertTrue(sections.toString(), sections.containsAll(List.of("core/contact-mechanisms", "core/relationships",
                    "core/next-activity", "core/last-interaction", "dealer/vehicles", "sales/opportunities", "sales/quotes")));
            assertEquals("the core's sections first", "core/contact-mechanisms", sections.get(0));
            for (JsonNode section : overview.path("sections")) {
                assertEquals(section.toString(), "OK", section.path("status").asText());
            }
            assertEquals("Rappeler " + word, section(overview, "core/next-activity").at("/items/0/title").asText());
            JsonNode opportunities = section(overview, "sales/opportunities");
            assertEquals(1, opportunities.at("/figures/0/value").asInt());
            assertEquals("EUR", opportunities.at("/figures/1/unit").asText());
            assertEquals(12000, opportunities.at("/figures/1/value").asInt());
            assertEquals("Flotte " + word, opportunities.at("/items/0/title").asText());
            assertEquals("Mégane", section(overview, "dealer/vehicles").at("/items/0/title").asText().substring("Renault ".length()));

            JsonNode found = admin.get("/v1/search?q=" + word).json();
            assertEquals("the groups that found something, the core's first, then by module and type",
                    List.of("party", "vehicle", "opportunity"), groupTypes(found));
            List<String> modulesAndTypes = new ArrayList<>();
            found.path("groups").forEach(g -> modulesAndTypes.add(g.path("module").asText() + "/" + g.path("type").asText()));
            assertEquals(modulesAndTypes.toString(), "core/party", modulesAndTypes.get(0));
            List<String> sorted = new ArrayList<>(modulesAndTypes.subList(1, modulesAndTypes.size()));
            java.util.Collections.sort(sorted);
            assertEquals("every module's groups after the core's, by module and type", sorted, modulesAndTypes.subList(1, modulesAndTypes.size()));
            assertEquals(partyId, group(found, "party").at("/items/0/id").asText());
            assertEquals("Flotte " + word, group(found, "opportunity").at("/items/0/title").asText());
            assertTrue(group(found, "vehicle").toString(), group(found, "vehicle").at("/items/0/subtitle").asText()
                    .contains(word.toUpperCase(Locale.ROOT)));
            assertEquals("accents and case aside", partyId,
                    group(admin.get("/v1/search?q=KEROUAC" + word).json(), "party").at("/items/0/id").asText());
            assertEquals(1, group(admin.get("/v1/search?q=megane%20" + word).json(), "vehicle").path("items").size());

            Problems.assertNamesField(admin.get("/v1/search"), 422, "q");
            Problems.assertNamesField(admin.get("/v1/search?q=" + "x".repeat(101)), 422, "q");
            Problems.assertProblem(admin.get("/v1/parties/0/overview"), 404);
            JsonNode paths = admin.get("/openapi.json").json().path("paths");
            assertTrue(paths.has("/v1/parties/{id}/overview"));
            assertTrue(paths.has("/v1/search"));
        } finally {
            if (features.isInstalled(features.getFeature(DEALER))) {
                features.uninstallFeature(DEALER, NO_REFRESH);
            }
        }
    }

    @Test
    public void salesLeavesTheOverviewAndTheSearchWhileTheCoreAnswersAndComesBack() throws Exception {
        String word = unique();
        String partyId = fixtures.createParty(Api.object().put("type", "ORGANIZATION").put("legalName", "Coopérative " + word))
                .path("id").asText();
        fixtures.create("/v1/sales/opportunities", Api.object().put("accountId", partyId).put("name", "Silos " + word)
                .put("amount", 500).put("currency", "EUR"));
        assertTrue(sectionKeys(admin.get("/v1/parties/" + partyId + "/overview").json()).contains("sales/opportunities"));
        assertTrue(groupTypes(admin.get("/v1/search?q=" + word).json()).contains("opportunity"));
        try {
            features.uninstallFeature(SALES, NO_REFRESH);
            Waits.awaitTrue(() -> admin.get("/v1/sales/pipelines").status() == 404, "sales endpoints gone", 15);
            Api.Response overview = admin.get("/v1/parties/" + partyId + "/overview");
            assertEquals(overview.toString(), 200, overview.status());
            assertTrue(sectionKeys(overview.json()).toString(), sectionKeys(overview.json()).stream().noneMatch(key -> key.startsWith("sales/")));
            assertTrue(sectionKeys(overview.json()).contains("core/contact-mechanisms"));
            Api.Response search = admin.get("/v1/search?q=" + word);
            assertEquals(search.toString(), 200, search.status());
            assertEquals(List.of("party"), groupTypes(search.json()));
            assertEquals(partyId, group(search.json(), "party").at("/items/0/id").asText());
        } finally {
            if (!features.isInstalled(features.getFeature(SALES))) {
                features.installFeature(SALES, NO_REFRESH);
            }
        }
        Waits.awaitTrue(() -> sections(admin, partyId).contains("sales/opportunities"), "the sales section back", 15);
        Waits.awaitTrue(() -> searchGroups(admin, word).contains("opportunity"), "the sales groups back", 15);
        assertEquals("Silos " + word, group(admin.get("/v1/search?q=" + word).json(), "opportunity").at("/items/0/title").asText());
    }

    @Test
    public void aRestrictedAgentSeesNeitherAnotherAgencysPartyNorItsOpportunities() {
        String region = orgUnit("IT-REGION", null);
        agent("it-agent-a", orgUnit("IT-AGENCY-A", region));
        agent("it-agent-b", orgUnit("IT-AGENCY-B", region));
        Api agentA = Api.as("it-agent-a", "it-agent-a");
        Api agentB = Api.as("it-agent-b", "it-agent-b");
        String word = unique();
        String anne = new Fixtures(agentA).createParty(Fixtures.person("Anne", "Périmètre" + word)).path("id").asText();
        String bruno = new Fixtures(agentB).createParty(Fixtures.person("Bruno", "Périmètre" + word)).path("id").asText();
        String ofA = new Fixtures(agentA).create("/v1/sales/opportunities", Api.object().put("accountId", anne)
                .put("name", "Affaire " + word).put("amount", 100).put("currency", "EUR")).path("id").asText();
        String ofB = new Fixtures(agentB).create("/v1/sales/opportunities", Api.object().put("accountId", bruno)
                .put("name", "Affaire " + word).put("amount", 200).put("currency", "EUR")).path("id").asText();

        JsonNode seenByA = agentA.get("/v1/search?q=perimetre" + word).json();
        assertEquals(List.of(anne), ids(group(seenByA, "party")));
        assertEquals(List.of(ofA), ids(group(agentA.get("/v1/search?q=affaire%20" + word).json(), "opportunity")));
        assertEquals(List.of(ofB), ids(group(agentB.get("/v1/search?q=affaire%20" + word).json(), "opportunity")));
        assertEquals(2, ids(group(admin.get("/v1/search?q=affaire%20" + word).json(), "opportunity")).size());

        Problems.assertProblem(agentA.get("/v1/parties/" + bruno + "/overview"), 404);
        Problems.assertProblem(agentB.get("/v1/parties/" + anne + "/overview"), 404);
        JsonNode own = agentA.get("/v1/parties/" + anne + "/overview").json();
        assertEquals(1, section(own, "sales/opportunities").at("/figures/0/value").asInt());
        assertEquals(ofA, section(own, "sales/opportunities").at("/items/0/href").asText().replaceAll(".*/", ""));
    }

    private static List<String> sections(Api api, String partyId) {
        Api.Response response = api.get("/v1/parties/" + partyId + "/overview");
        return response.status() == 200 ? sectionKeys(response.json()) : List.of();
    }

    private static List<String> sectionKeys(JsonNode overview) {
        List<String> keys = new ArrayList<>();
        overview.path("sections").forEach(s -> keys.add(s.path("module").asText() + "/" + s.path("section").asText()));
        return keys;
    }

    private static JsonNode section(JsonNode overview, String key) {
        for (JsonNode section : overview.path("sections")) {
            if (key.equals(section.path("module").asText() + "/" + section.path("section").asText())) {
                return section;
            }
        }
        throw new AssertionError("no section " + key + " in " + overview);
    }

    private static List<String> searchGroups(Api api, String q) {
        Api.Response response = api.get("/v1/search?q=" + q);
        List<String> types = new ArrayList<>();
        if (response.status() == 200) {
            response.json().path("groups").forEach(g -> types.add(g.path("type").asText()));
        }
        return types; // every group, found something or not: whose search contributors are there
    }

    /** The types of the groups that found something: every installed module answers, most with nothing here. */
    private static List<String> groupTypes(JsonNode results) {
        List<String> types = new ArrayList<>();
        results.path("groups").forEach(g -> {
            if (g.path("items").size() > 0) {
                types.add(g.path("type").asText());
            }
        });
        return types;
    }

    private static JsonNode group(JsonNode results, String type) {
        for (JsonNode group : results.path("groups")) {
            if (type.equals(group.path("type").asText())) {
                assertEquals(group.toString(), "OK", group.path("status").asText());
                return group;
            }
        }
        throw new AssertionError("no group " + type + " in " + results);
    }

    private static List<String> ids(JsonNode group) {
        List<String> ids = new ArrayList<>();
        group.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** The org unit with this code, created under {@code parentId} (HQ when null) the first time. */
    private String orgUnit(String code, String parentId) {
        String parent = parentId;
        for (JsonNode unit : Fixtures.items(admin.get("/v1/org-units"))) {
            if (code.equals(unit.path("code").asText())) {
                return unit.path("id").asText();
            }
            if (parent == null && "HQ".equals(unit.path("code").asText())) {
                parent = unit.path("id").asText();
            }
        }
        return fixtures.create("/v1/org-units", Api.object().put("code", code).put("name", code).put("parentId", parent)).path("id").asText();
    }

    /** The agent record of a test login (its password is in the users file), created the first time. */
    private void agent(String login, String orgUnitId) {
        for (JsonNode agent : Fixtures.items(admin.get("/v1/agents"))) {
            if (login.equals(agent.path("login").asText())) {
                return;
            }
        }
        fixtures.create("/v1/agents", Api.object().put("login", login).put("displayName", login).put("orgUnitId", orgUnitId));
    }

    private static String randomVin() {
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        StringBuilder vin = new StringBuilder("VF1");
        while (vin.length() < 17) {
            vin.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return vin.toString();
    }
}
