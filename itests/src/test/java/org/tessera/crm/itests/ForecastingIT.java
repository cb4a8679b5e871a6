package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

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
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The forecasting cycle over HTTP in the distribution: a director, a division manager and two
 * reps; deals moved through stages; revision 1 submitted, a deal changed, revision 2 with its
 * delta; the manager's adjustment seen upward and not by the rep; the director's rollup; the
 * period locked and further submits refused. Then sales leaves: forecasting answers 503 naming
 * it, keeps its data, and serves again once sales is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ForecastingIT {
    private static final String BASE = "/v1/forecasting";
    /** A path of each resource of the application; without their parameters they answer a problem, which is enough. */
    private static final List<String> RESOURCES = List.of("/positions", "/quotas", "/exchange-rates", "/adjustments", "/forecasts",
            "/forecasts/revisions");
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    FeaturesService features;
    @Inject
    BundleContext context;

    private final Api admin = new Api();
    private final Api rep = Api.as("it-agent-a", "it-agent-a");
    private final Api sibling = Api.as("it-agent-b", "it-agent-b");
    private final Api manager = Api.as("it-manager", "it-manager");
    private final Api director = Api.as("amenard", "amenard");
    private final Fixtures fixtures = new Fixtures(admin);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void forecastingServes() throws Exception {
        admin.awaitHealthy(60);
        assertTrue("the distribution boots forecasting", features.isInstalled(features.getFeature("tessera-forecasting")));
        if (!features.isInstalled(features.getFeature("tessera-sales"))) {
            features.installFeature("tessera-sales", NO_REFRESH);
        }
        if (!awaitServing(15)) {
            // another test took sales away and back without refreshing forecasting: rewire it to the sales API of now
            ModuleBundles.refresh(context, List.of("forecasting"), 30);
        }
        assertTrue("forecasting serves", awaitServing(30));
    }

    @Test
    public void repManagerAndDirectorSubmitAdjustRollUpAndLock() throws Exception {
        Fixtures.Perimeters perimeters = fixtures.perimeters();
        fixtures.agent("amenard", perimeters.region());
        String directorPosition = position("Director of Field Sales", "amenard", null);
        String managerPosition = position("Division Manager", "it-manager", directorPosition);
        String repPosition = position("Field Sales Rep", "it-agent-a", managerPosition);
        String siblingPosition = position("Field Sales Rep, East", "it-agent-b", managerPosition);
        String q1 = quarter(2041, 1);
        quota(repPosition, q1, 1000);
        quota(managerPosition, q1, 2500);
        quota(siblingPosition, q1, 1200);

        List<Event> events = new CopyOnWriteArrayList<>();
        CountDownLatch locked = new CountDownLatch(1);
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "org/tessera/crm/forecasting/forecast/*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, event -> {
            events.add(event);
            if (event.getTopic().endsWith("/LOCKED")) {
                locked.countDown();
            }
        }, topics);
        try {
            // the rep's deals, moved through stages
            String repAgent = agentId("it-agent-a");
            String account = created(rep.post("/v1/parties", Api.object().put("type", "ORGANIZATION")
                    .put("legalName", "Prévisions " + Fixtures.unique()))).path("id").asText();
            JsonNode proposal = created(rep.post("/v1/sales/opportunities", Api.object().put("accountId", account).put("name", "Flotte")
                    .put("stage", "QUALIFICATION").put("amount", 400).put("currency", "EUR").put("expectedCloseDate", "2041-02-01")
                    .put("ownerId", repAgent)));
            proposal = moved(proposal, Api.object().put("stage", "PROPOSAL"));
            JsonNode negotiation = created(rep.post("/v1/sales/opportunities", Api.object().put("accountId", account).put("name", "Maintenance")
                    .put("stage", "NEGOTIATION").put("amount", 300).put("currency", "EUR").put("expectedCloseDate", "2041-03-01")
                    .put("ownerId", repAgent)));
            assertEquals("COMMIT", negotiation.path("forecastCategory").asText());

            JsonNode own = ok(rep.get(BASE + "/forecasts?periodId=" + q1));
            assertEquals(repPosition, own.path("position").path("id").asText());
            assertAmount("400", line(own.path("total"), "BEST_CASE").path("forecastAmount"));
            assertAmount("300", line(own.path("total"), "COMMIT").path("forecastAmount"));
            assertAmount("0.7", own.path("quotas").get(0).path("coverage"));

            // the owner adjusts and submits revision 1; a deal moves; revision 2 names what changed
            ok(rep.put(BASE + "/adjustments", adjustment(repPosition, q1, "COMMIT", 350, "Accord verbal"), null));
            Api.Response first = rep.post(BASE + "/forecasts/submit", Api.object().put("periodId", q1));
            assertEquals(first.toString(), 201, first.status());
            assertEquals(1, first.json().path("revision").asInt());
            assertEquals(2, first.json().path("opportunities").size());
            moved(proposal, Api.object().put("stage", "NEGOTIATION").put("amount", 450));
            JsonNode changed = ok(rep.get(BASE + "/forecasts?periodId=" + q1));
            assertTrue(changed.path("changedSinceSubmit").asBoolean());
            assertAmount("350", line(changed.path("total"), "COMMIT").path("forecastAmount"));
            JsonNode second = created(rep.post(BASE + "/forecasts/submit", Api.object().put("periodId", q1)));
            assertEquals(2, second.path("revision").asInt());
            assertEquals(second.toString(), 1, second.path("deltas").size());
            assertEquals("BEST_CASE", second.path("deltas").get(0).path("fromCategory").asText());
            assertEquals("COMMIT", second.path("deltas").get(0).path("toCategory").asText());
            JsonNode revisions = ok(manager.get(BASE + "/forecasts/revisions?positionId=" + repPosition + "&periodId=" + q1));
            assertEquals(2, revisions.path("items").get(0).path("revision").asInt());
            assertTrue("the week's changes list the moved deals",
                    ok(rep.get(BASE + "/forecasts/changes?periodId=" + q1)).path("items").size() >= 2);

            // the manager's adjustment: seen by the manager and the director, not by the rep
            ok(manager.put(BASE + "/adjustments", adjustment(repPosition, q1, "COMMIT", 500, "Glisse en avril"), null));
            assertEquals(1, ok(rep.get(BASE + "/adjustments?positionId=" + repPosition + "&periodId=" + q1)).path("items").size());
            assertAmount("350", line(ok(rep.get(BASE + "/forecasts?periodId=" + q1)).path("total"), "COMMIT").path("forecastAmount"));
            JsonNode division = ok(manager.get(BASE + "/forecasts?periodId=" + q1));
            JsonNode fromRep = division.path("subordinates").get(0);
            assertEquals("SUBMITTED", fromRep.path("source").asText());
            assertEquals(2, fromRep.path("revision").asInt());
            assertAmount("500", line(fromRep.path("lines"), "COMMIT").path("forecastAmount"));
            assertAmount("2200", division.path("quotas").get(0).path("subordinatesQuota"));
            JsonNode top = ok(director.get(BASE + "/forecasts?periodId=" + q1 + "&rollupSource=LIVE"));
            assertEquals(directorPosition, top.path("position").path("id").asText());
            assertAmount("500", line(top.path("rollup"), "COMMIT").path("forecastAmount"));
            assertAmount("750", line(top.path("rollup"), "COMMIT").path("amount"));

            // a sibling never sees the rep's position; the rep never adjusts upward
            Problems.assertProblem(sibling.get(BASE + "/forecasts?positionId=" + repPosition + "&periodId=" + q1), 404);
            Problems.assertProblem(sibling.get(BASE + "/positions/" + repPosition), 404);
            assertEquals(1, ok(sibling.get(BASE + "/positions")).path("items").size());
            Problems.assertProblem(rep.put(BASE + "/adjustments", adjustment(managerPosition, q1, "COMMIT", 1, null), null), 404);

            // bad input: a problem naming each field, never a 500
            Api.Response bad = rep.put(BASE + "/adjustments", Api.object().put("positionId", repPosition).put("periodId", q1)
                    .put("currency", "EURO").put("amount", -1).put("note", "n".repeat(256)), null);
            for (String field : List.of("category", "currency", "amount", "note")) {
                Problems.assertNamesField(bad, 422, field);
            }
            Problems.assertNamesField(rep.get(BASE + "/forecasts?periodId=" + q1 + "&cumulative=maybe"), 400, "cumulative");
            Problems.assertNamesField(rep.get(BASE + "/forecasts?periodId=" + q1 + "&rollupSource=SOMETIMES"), 422, "rollupSource");
            Problems.assertNamesField(rep.get(BASE + "/forecasts?periodId=999999999"), 422, "periodId");
            Problems.assertProblem(rep.post(BASE + "/periods/" + q1 + "/lock", Api.object()), 403);

            // audited, and the manager told
            JsonNode audit = ok(admin.get("/v1/audit?entityType=FORECAST_REVISION&entityId=" + second.path("id").asText()));
            assertEquals(1, audit.path("items").size());
            assertTrue("every adjustment audited", ok(admin.get("/v1/audit?entityType=FORECAST_ADJUSTMENT")).path("items").size() >= 2);
            Event submitted = events.stream().filter(e -> e.getTopic().endsWith("/SUBMITTED")
                    && Integer.valueOf(2).equals(e.getProperty("revision"))).findFirst().orElse(null);
            assertNotNull("SUBMITTED posted: " + events, submitted);
            assertEquals(managerPosition, submitted.getProperty("managerPositionId"));
            // the manager finds a review task linked to the revision, in their name
            String link = "forecasting:revision:" + second.path("id").asText();
            Waits.awaitTrue(() -> admin.get("/v1/activities?link=" + link).json().path("items").size() == 1, "the manager's review task", 10);
            JsonNode task = admin.get("/v1/activities?link=" + link).json().path("items").get(0);
            assertEquals("TASK", task.path("type").asText());
            assertEquals(submitted.getProperty("managerAgentId"), task.path("ownerId").asText());
            assertTrue(task.toString(), task.path("subject").asText().contains("(revision 2)"));

            // the lock closes the period
            JsonNode closed = ok(director.post(BASE + "/periods/" + q1 + "/lock", Api.object()));
            assertEquals("CLOSED", closed.path("status").asText());
            assertTrue("LOCKED posted", locked.await(10, TimeUnit.SECONDS));
            Problems.assertNamesField(rep.post(BASE + "/forecasts/submit", Api.object().put("periodId", q1)), 409, "periodId");
            Problems.assertNamesField(manager.put(BASE + "/adjustments", adjustment(repPosition, q1, "COMMIT", 1, null), null), 409, "periodId");
            assertEquals(2, ok(rep.get(BASE + "/forecasts/revisions?periodId=" + q1)).path("items").size());
        } finally {
            handler.unregister();
        }
    }

    /**
     * Positions changed and deleted, a period unlocked, over HTTP; on records of its own (new agents,
     * a fiscal year no other test uses), so the state other suites leave in the container is no matter.
     */
    @Test
    public void positionsChangeAndGoOnlyWhenFreeAndALockedPeriodReopens() throws Exception {
        String bossAgent = fixtures.newAgent().path("id").asText();
        String repAgent = fixtures.newAgent().path("id").asText();
        String heirAgent = fixtures.newAgent().path("id").asText();
        JsonNode boss = created(admin.post(BASE + "/positions", Api.object().put("name", "Area Director").put("agentId", bossAgent)));
        String bossId = boss.path("id").asText();
        JsonNode repPosition = created(admin.post(BASE + "/positions", Api.object().put("name", "Territory Rep").put("agentId", repAgent)
                .put("parentId", bossId)));
        String repId = repPosition.path("id").asText();
        String positionPath = BASE + "/positions/" + repId;

        // a change: If-Match required and current; the fields checked as on create, each error naming its field
        var handedOver = Api.object().put("name", "Senior Territory Rep").put("agentId", heirAgent).put("parentId", bossId);
        Problems.assertNamesField(admin.put(positionPath, handedOver, null), 428, "If-Match");
        Problems.assertProblem(admin.put(positionPath, handedOver, tag(repPosition.path("version").asLong() + 1)), 412);
        Problems.assertProblem(rep.put(positionPath, handedOver, tag(repPosition)), 403);
        Problems.assertNamesField(admin.put(BASE + "/positions/" + bossId, Api.object().put("name", "Area Director").put("agentId", bossAgent)
                .put("parentId", repId), tag(boss)), 422, "parentId");
        Problems.assertNamesField(admin.put(positionPath, Api.object().put("name", "").put("agentId", "999999999"), tag(repPosition)), 422, "name");
        Problems.assertNamesField(admin.put(positionPath, Api.object().put("name", "Rep").put("agentId", "999999999"), tag(repPosition)), 422,
                "agentId");
        Problems.assertNamesField(admin.put(positionPath, Api.object().put("name", "Rep").put("agentId", bossAgent), tag(repPosition)), 409,
                "agentId");
        JsonNode changed = ok(admin.put(positionPath, handedOver, tag(repPosition)));
        assertEquals("Senior Territory Rep", changed.path("name").asText());
        assertEquals(heirAgent, changed.path("agentId").asText());
        assertEquals(bossId, changed.path("managerPositionId").asText());
        assertEquals(repPosition.path("version").asLong() + 1, changed.path("version").asLong());
        Problems.assertProblem(admin.put(positionPath, handedOver, tag(repPosition)), 412);

        // a period locked, then reopened: submits are taken again
        List<Event> unlocked = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, "org/tessera/crm/forecasting/forecast/UNLOCKED");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, unlocked::add, topic);
        try {
            String q3 = quarter(2043, 3);
            String unlockPath = BASE + "/periods/" + q3 + "/unlock";
            quota(repId, q3, 100);
            Problems.assertNamesField(admin.post(unlockPath, Api.object()), 409, "status");
            JsonNode locked = ok(admin.post(BASE + "/periods/" + q3 + "/lock", Api.object()));
            var submit = Api.object().put("periodId", q3).put("positionId", repId);
            Problems.assertNamesField(admin.post(BASE + "/forecasts/submit", submit), 409, "periodId");
            Problems.assertProblem(rep.post(unlockPath, Api.object()), 403);
            Problems.assertProblem(admin.sendBody("POST", unlockPath, Api.object(), Api.JSON, tag(locked.path("version").asLong() - 1)), 412);
            JsonNode reopened = ok(admin.sendBody("POST", unlockPath, Api.object(), Api.JSON, tag(locked)));
            assertEquals("OPEN", reopened.path("status").asText());
            assertTrue(reopened.toString(), reopened.path("lockedBy").isMissingNode() || reopened.path("lockedBy").isNull());
            Waits.awaitTrue(() -> unlocked.stream().anyMatch(e -> q3.equals(e.getProperty("periodId"))), "UNLOCKED posted", 10);
            assertEquals(1, created(admin.post(BASE + "/forecasts/submit", submit)).path("revision").asInt());
            Problems.assertNamesField(admin.post(unlockPath, Api.object()), 409, "status");
            assertEquals("generated, locked, unlocked", List.of("UPDATE", "UPDATE", "CREATE"),
                    actions(admin.get("/v1/audit?entityType=FORECAST_PERIOD&entityId=" + q3)));
        } finally {
            handler.unregister();
        }

        // a delete is refused while records refer to the position, naming them
        assertEquals(List.of("FORECAST_POSITION"), dependentTypes(Problems.assertProblem(admin.delete(BASE + "/positions/" + bossId), 409)));
        assertEquals(List.of("FORECAST_QUOTA", "FORECAST_REVISION"), dependentTypes(Problems.assertProblem(admin.delete(positionPath), 409)));
        ok(admin.get(positionPath));
        // a free one goes: If-Match honoured, audited
        JsonNode free = created(admin.post(BASE + "/positions", Api.object().put("name", "Vacant").put("agentId",
                fixtures.newAgent().path("id").asText())));
        String freePath = BASE + "/positions/" + free.path("id").asText();
        Problems.assertProblem(rep.delete(freePath), 403);
        Problems.assertProblem(admin.delete(freePath, tag(free.path("version").asLong() + 1)), 412);
        assertEquals(204, admin.delete(freePath, tag(free)).status());
        Problems.assertProblem(admin.get(freePath), 404);
        Problems.assertProblem(admin.delete(freePath), 404);
        assertEquals(List.of("DELETE", "CREATE"), actions(admin.get("/v1/audit?entityType=FORECAST_POSITION&entityId=" + free.path("id").asText())));
        assertEquals(List.of("UPDATE", "CREATE"), actions(admin.get("/v1/audit?entityType=FORECAST_POSITION&entityId=" + repId)));
    }

    @Test
    public void withoutSalesForecastingAnswers503AndKeepsItsData() throws Exception {
        String position = position("Field Sales Rep, North", fixtures.newAgent().path("login").asText(), null);
        String q2 = quarter(2042, 2);
        quota(position, q2, 777);
        features.uninstallFeature("tessera-sales", NO_REFRESH);
        try {
            Waits.awaitTrue(() -> admin.get(BASE + "/positions").status() == 503, "forecasting says it needs sales", 10);
            JsonNode problem = Problems.assertProblem(admin.get(BASE + "/forecasts?positionId=" + position + "&periodId=" + q2), 503);
            assertTrue(problem.toString(), problem.path("detail").asText().contains("sales"));
            assertEquals("urn:tessera:problem:module-required", problem.path("type").asText());
            Problems.assertProblem(admin.put(BASE + "/quotas", Api.object().put("positionId", position).put("periodId", q2)
                    .put("currency", "EUR").put("amount", 1), null), 503);
            Problems.assertProblem(Api.anonymous().get(BASE + "/positions"), 401);
            assertEquals("the core serves on", 200, admin.get("/v1/parties?limit=1").status());
        } finally {
            features.installFeature("tessera-sales", NO_REFRESH);
        }
        Waits.awaitTrue(() -> admin.get("/v1/sales/pipelines").status() == 200, "sales back", 30);
        // feature operations never refresh: forecasting rewires to the new sales API when refreshed (README, Forecasting)
        ModuleBundles.refresh(context, List.of("forecasting"), 30);
        assertTrue("forecasting serves again", awaitServing(30));
        JsonNode quotas = ok(admin.get(BASE + "/quotas?periodId=" + q2));
        assertEquals("its data were kept", 1, quotas.path("items").size());
        assertAmount("777", quotas.path("items").get(0).path("amount"));
    }

    private static String tag(JsonNode record) {
        return tag(record.path("version").asLong());
    }

    private static String tag(long version) {
        return "\"" + version + "\"";
    }

    /** The types a refused delete names in its {@code dependents}, sorted. */
    private static List<String> dependentTypes(JsonNode problem) {
        List<String> types = new ArrayList<>();
        for (JsonNode dependent : problem.path("dependents")) {
            assertEquals(problem.toString(), "forecasting", dependent.path("module").asText());
            types.add(dependent.path("type").asText());
        }
        types.sort(null);
        return types;
    }

    /** The actions of an audit page, newest first as the API lists them. */
    private static List<String> actions(Api.Response audit) {
        List<String> actions = new ArrayList<>();
        for (JsonNode record : ok(audit).path("items")) {
            actions.add(record.path("action").asText());
        }
        return actions;
    }

    /**
     * Whether every resource of the application answers: after a refresh each joins it on its own,
     * and until then CXF answers 404 "No service was found" (not a problem) for its paths.
     */
    private boolean awaitServing(int seconds) {
        try {
            Waits.awaitTrue(() -> admin.get(BASE + "/periods").status() == 200
                    && RESOURCES.stream().allMatch(path -> joined(admin.get(BASE + path))), "forecasting serves", seconds);
            return true;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    private static boolean joined(Api.Response response) {
        return response.status() != 503 && (response.status() != 404 || response.contentType().startsWith(Api.PROBLEM));
    }

    /** The position of the agent with this login, created under {@code parent} unless it exists. */
    private String position(String name, String login, String parent) {
        String agent = agentId(login);
        for (JsonNode p : ok(admin.get(BASE + "/positions")).path("items")) {
            if (agent.equals(p.path("agentId").asText())) {
                return p.path("id").asText();
            }
        }
        var body = Api.object().put("name", name).put("agentId", agent);
        if (parent != null) {
            body.put("parentId", parent);
        }
        return created(admin.post(BASE + "/positions", body)).path("id").asText();
    }

    private String agentId(String login) {
        for (JsonNode agent : Fixtures.items(admin.get("/v1/agents"))) {
            if (login.equals(agent.path("login").asText())) {
                return agent.path("id").asText();
            }
        }
        String hq = null;
        for (JsonNode unit : Fixtures.items(admin.get("/v1/org-units"))) {
            if ("HQ".equals(unit.path("code").asText())) {
                hq = unit.path("id").asText();
            }
        }
        fixtures.agent(login, hq);
        return agentId(login);
    }

    private String quarter(int fiscalYear, int quarter) {
        for (JsonNode period : ok(admin.post(BASE + "/periods", Api.object().put("fiscalYear", fiscalYear))).path("items")) {
            if (period.path("name").asText().equals("FY" + fiscalYear + "-Q" + quarter)) {
                return period.path("id").asText();
            }
        }
        throw new AssertionError("no quarter " + quarter);
    }

    private void quota(String position, String period, int amount) {
        ok(admin.put(BASE + "/quotas", Api.object().put("positionId", position).put("periodId", period).put("currency", "EUR")
                .put("amount", amount), null));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode adjustment(String position, String period, String category, int amount,
            String note) {
        var body = Api.object().put("positionId", position).put("periodId", period).put("category", category).put("currency", "EUR")
                .put("amount", amount);
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    /** The opportunity after a merge patch by the rep, with its current version. */
    private JsonNode moved(JsonNode opportunity, JsonNode patch) {
        return ok(rep.patch("/v1/sales/opportunities/" + opportunity.path("id").asText(), patch,
                "\"" + opportunity.path("version").asLong() + "\""));
    }

    private static JsonNode line(JsonNode lines, String category) {
        for (JsonNode line : lines) {
            if (category.equals(line.path("category").asText())) {
                return line;
            }
        }
        throw new AssertionError("no " + category + " line in " + lines);
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertFalse("no amount where " + expected + " was expected", actual.isMissingNode() || actual.isNull());
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual.decimalValue()));
    }

    private static JsonNode ok(Api.Response response) {
        assertEquals(response.toString(), 200, response.status());
        return response.json();
    }

    private static JsonNode created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }
}
