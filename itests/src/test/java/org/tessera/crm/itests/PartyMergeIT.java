package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.util.HashSet;
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

/**
 * Merging three parties that each have sales, marketing and service records, over HTTP: a sales
 * clash refuses the merge (dry run included) naming the module; once cleared, the dry run answers
 * what would move and changes nothing; the merge moves every record in one go, the victims answer
 * 308 to the survivor, the audit trail holds the merge and each moved record; undo puts it all back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PartyMergeIT {
    private final Api api = new Api();
    private final Fixtures fixtures = new Fixtures(api);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void modulesServe() {
        api.awaitHealthy(60);
        Waits.awaitServed(api, 60, "/v1/sales/opportunities", "/v1/marketing/campaigns", "/v1/service/requests", "/v1/merges/1");
    }

    @Test
    public void mergeThreePartiesAcrossModulesThenUndo() {
        String token = unique();
        String survivor = party("Ada", "Survivant" + token);
        String second = party("Adele", "Doublon" + token);
        String third = party("Adelia", "Triplon" + token);
        String[] parties = {survivor, second, third};
        String[] opportunities = new String[3];
        String[] requests = new String[3];
        String[] campaigns = new String[3];
        for (int i = 0; i < 3; i++) {
            opportunities[i] = created(api.post("/v1/sales/opportunities", Api.object().put("accountId", parties[i])
                    .put("name", "Deal " + i + " " + token).put("amount", 1000 + i).put("currency", "EUR"))).path("id").asText();
            requests[i] = created(api.post("/v1/service/requests", Api.object().put("partyId", parties[i])
                    .put("summary", "Request " + i + " " + token))).path("id").asText();
            campaigns[i] = created(api.post("/v1/marketing/campaigns", Api.object().put("name", "Campaign " + i + " " + token)
                    .put("type", "OTHER").put("currency", "EUR"))).path("id").asText();
            member(campaigns[i], parties[i]);
        }
        // the survivor is in the second party's campaign already: marketing keeps that membership on the victim
        member(campaigns[1], survivor);
        // both the survivor and the second party are contacts of one opportunity: sales refuses
        ObjectNode roles = Api.object();
        roles.putArray("contactRoles").add(role(survivor, true)).add(role(second, false));
        String shared = opportunities[0];
        Api.Response opportunity = api.get("/v1/sales/opportunities/" + shared);
        assertEquals(200, api.patch("/v1/sales/opportunities/" + shared, roles, opportunity.header("ETag")).status());

        ObjectNode request = Api.object();
        request.putArray("victims").add(second).add(third);
        request.putObject("fields").put("firstName", second);
        request.put("dryRun", true);
        JsonNode clash = assertProblem(api.post("/v1/parties/" + survivor + "/merge", request), 409);
        assertEquals(clash.toString(), "sales", clash.path("module").asText());
        assertTrue(clash.toString(), clash.path("reason").asText().contains("CONTACT_ROLE"));
        request.put("dryRun", false);
        assertEquals("sales", assertProblem(api.post("/v1/parties/" + survivor + "/merge", request), 409).path("module").asText());
        assertEquals("nothing moved", second, api.get("/v1/service/requests/" + requests[1]).json().path("partyId").asText());

        ObjectNode onlySurvivor = Api.object();
        onlySurvivor.putArray("contactRoles").add(role(survivor, true));
        assertEquals(200, api.patch("/v1/sales/opportunities/" + shared, onlySurvivor,
                api.get("/v1/sales/opportunities/" + shared).header("ETag")).status());

        request.put("dryRun", true);
        Api.Response dry = api.post("/v1/parties/" + survivor + "/merge", request);
        assertEquals(dry.toString(), 200, dry.status());
        assertTrue(dry.json().path("dryRun").asBoolean());
        assertEquals(Set.of("core", "marketing", "sales", "service"), modulesThatMoved(dry.json()));
        assertEquals("the dry run changed nothing", 200, api.get("/v1/parties/" + second).status());
        assertEquals(second, api.get("/v1/sales/opportunities/" + opportunities[1]).json().path("accountId").asText());

        request.put("dryRun", false);
        Api.Response merged = api.post("/v1/parties/" + survivor + "/merge", request);
        assertEquals(merged.toString(), 200, merged.status());
        String mergeId = merged.json().path("id").asText();
        assertEquals(Set.of("core", "marketing", "sales", "service"), modulesThatMoved(merged.json()));
        JsonNode marketing = module(merged.json(), "marketing");
        assertEquals("the survivor's own membership of campaign 1 stands; the victim's stays on the victim", 1, marketing.path("kept").size());

        for (int i = 1; i < 3; i++) {
            Api.Response victim = api.get("/v1/parties/" + parties[i]);
            assertEquals(victim.toString(), 308, victim.status());
            assertTrue(victim.header("Location"), victim.header("Location").endsWith("/v1/parties/" + survivor));
            assertEquals(survivor, victim.json().path("survivorId").asText());
            assertEquals(survivor, api.get("/v1/sales/opportunities/" + opportunities[i]).json().path("accountId").asText());
            assertEquals(survivor, api.get("/v1/service/requests/" + requests[i]).json().path("partyId").asText());
        }
        assertEquals(200, api.get("/v1/marketing/campaigns/" + campaigns[2] + "/members/" + survivor).status());
        assertEquals("Adele", api.get("/v1/parties/" + survivor).json().path("firstName").asText());

        JsonNode mergeAudit = api.get("/v1/audit?entityType=MERGE&entityId=" + mergeId).json().path("items");
        assertEquals(mergeAudit.toString(), "CREATE", mergeAudit.path(0).path("action").asText());
        JsonNode requestAudit = api.get("/v1/audit?entityType=REQUEST&entityId=" + requests[2]).json().path("items");
        boolean repointed = false;
        for (JsonNode record : requestAudit) {
            for (JsonNode change : record.path("changes")) {
                repointed |= "party_id".equals(change.path("field").asText()) && survivor.equals(change.path("newValue").asText());
            }
        }
        assertTrue("the re-pointed request is audited: " + requestAudit, repointed);
        assertEquals(200, api.get("/v1/merges/" + mergeId).status());

        Api.Response undone = api.post("/v1/merges/" + mergeId + ":undo", Api.object());
        assertEquals(undone.toString(), 200, undone.status());
        assertFalse(undone.json().path("undoneAt").isMissingNode());
        for (int i = 1; i < 3; i++) {
            Api.Response victim = api.get("/v1/parties/" + parties[i]);
            assertEquals(victim.toString(), 200, victim.status());
            assertEquals("ACTIVE", victim.json().path("status").asText());
            assertEquals(parties[i], api.get("/v1/sales/opportunities/" + opportunities[i]).json().path("accountId").asText());
            assertEquals(parties[i], api.get("/v1/service/requests/" + requests[i]).json().path("partyId").asText());
            assertEquals(200, api.get("/v1/marketing/campaigns/" + campaigns[i] + "/members/" + parties[i]).status());
        }
        assertProblem(api.get("/v1/marketing/campaigns/" + campaigns[2] + "/members/" + survivor), 404);
        assertEquals("Ada", api.get("/v1/parties/" + survivor).json().path("firstName").asText());
        assertEquals("core", assertProblem(api.post("/v1/merges/" + mergeId + ":undo", Api.object()), 409).path("module").asText());
    }

    @Test
    public void badRequestsNameTheField() {
        String survivor = party("Bea", "Seule" + unique());
        ObjectNode none = Api.object();
        none.putArray("victims");
        Problems.assertNamesField(api.post("/v1/parties/" + survivor + "/merge", none), 422, "victims");
        ObjectNode self = Api.object();
        self.putArray("victims").add(survivor);
        Problems.assertNamesField(api.post("/v1/parties/" + survivor + "/merge", self), 422, "victims[0]");
        ObjectNode field = Api.object();
        field.putArray("victims").add(party("Bee", "Autre" + unique()));
        field.putObject("fields").put("shoeSize", survivor);
        Problems.assertNamesField(api.post("/v1/parties/" + survivor + "/merge", field), 422, "fields.shoeSize");
        assertProblem(api.post("/v1/merges/999999999:undo", Api.object()), 404);
    }

    /** A person with an e-mail address of its own: the core moves it to the survivor. */
    private String party(String first, String last) {
        ObjectNode person = Fixtures.person(first, last);
        person.putArray("contactMechanisms").add(Fixtures.email(unique() + "@merge.example.org"));
        return fixtures.createParty(person).path("id").asText();
    }

    private void member(String campaign, String party) {
        Api.Response added = api.post("/v1/marketing/campaigns/" + campaign + "/members", Api.object().put("partyId", party));
        assertTrue(added.toString(), added.status() == 200 || added.status() == 201);
    }

    private static ObjectNode role(String partyId, boolean primary) {
        return Api.object().put("partyId", partyId).put("role", "DECISION_MAKER").put("primary", primary);
    }

    private static JsonNode created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }

    private static Set<String> modulesThatMoved(JsonNode merge) {
        Set<String> modules = new HashSet<>();
        for (JsonNode module : merge.path("modules")) {
            if (module.path("moved").size() > 0) {
                modules.add(module.path("module").asText());
            }
        }
        return modules;
    }

    private static JsonNode module(JsonNode merge, String name) {
        for (JsonNode module : merge.path("modules")) {
            if (name.equals(module.path("module").asText())) {
                return module;
            }
        }
        throw new AssertionError("no " + name + " in " + merge);
    }
}
