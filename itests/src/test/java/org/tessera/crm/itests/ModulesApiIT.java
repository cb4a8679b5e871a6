package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** The module registry and the module lifecycle, through REST and the Karaf shell. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ModulesApiIT {
    @Inject
    FeaturesService features;
    @Inject
    SessionFactory sessions;

    private final Api api = new Api();

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() throws Exception {
        api.awaitHealthy(60);
        features.addRepository(URI.create("mvn:org.tessera.crm.examples/org.tessera.crm.examples.dealer.features/"
                + System.getProperty("tessera.version", "0.1.0-SNAPSHOT") + "/xml/features"));
    }

    @Test
    public void installedModulesAreListedWithWhatTheyContribute() {
        JsonNode core = module("core");
        assertNotNull("core listed", core);
        assertEquals("ACTIVE", core.path("state").asText());
        assertFalse("the core reports its schema version", core.path("schemaVersion").asText().isEmpty());
        assertTrue(core.toString(), texts(core.path("permissions")).contains("core.party.read"));
        assertTrue(core.toString(), texts(core.path("extensionPoints")).contains("TimelineContributor"));
        assertTrue(core.toString(), texts(core.path("extensionPoints")).stream().anyMatch(e -> e.startsWith("REST resource")));

        // the first test of a fresh container may run while sales' migrations still do
        Waits.awaitTrue(() -> module("sales") != null && !module("sales").path("schemaVersion").asText().isEmpty(),
                "sales is booted by the distribution and migrated", 60);
        JsonNode sales = module("sales");
        assertEquals("tessera-sales", sales.path("feature").asText());
        assertFalse(sales.path("schemaVersion").asText().isEmpty());
        assertTrue(sales.toString(), texts(sales.path("permissions")).stream().anyMatch(p -> p.startsWith("sales.")));

        assertProblem(api.get("/v1/modules/no-such-module"), 404);
        assertProblem(Api.anonymous().get("/v1/modules"), 401);
    }

    @Test
    public void aModuleIsInstalledUpdatedUninstalledAndPurgedThroughItsAdminInterfaces() throws Exception {
        Api.Response installed = api.sendBody("POST", "/v1/modules/dealer/install", "", Api.JSON, null);
        assertEquals(installed.toString(), 200, installed.status());
        assertEquals("ACTIVE", installed.json().path("state").asText());
        assertEquals("dealer-001-vehicles", installed.json().path("schemaVersion").asText());
        Waits.awaitTrue(() -> module("dealer") != null && texts(module("dealer").path("extensionPoints")).contains("TimelineContributor"), "the registry follows", 3);

        Api.Response updated = api.post("/v1/modules/dealer/update", Api.object());
        assertEquals(updated.toString(), 200, updated.status());
        Waits.awaitTrue(() -> module("dealer") != null && "ACTIVE".equals(module("dealer").path("state").asText()), "the registry follows", 3);

        assertProblem(api.post("/v1/modules/dealer/update", Api.object().put("bundle", "org.tessera.crm.examples.dealer.impl")
                .put("location", "http://example.org/evil.jar")), 422);
        assertProblem(api.sendBody("POST", "/v1/modules/core/uninstall", "", Api.JSON, null), 409);
        assertProblem(api.post("/v1/modules/core/update", Api.object()), 409);
        assertProblem(api.sendBody("POST", "/v1/modules/core/install", "", Api.JSON, null), 409);
        // only the distribution's own repository and groups: not any file the server can read
        assertProblem(api.post("/v1/modules/dealer/update", Api.object().put("bundle", "org.tessera.crm.examples.dealer.impl")
                .put("location", "file:/tmp/evil.jar")), 422);
        assertProblem(api.post("/v1/modules/dealer/update", Api.object().put("bundle", "org.tessera.crm.examples.dealer.impl")
                .put("location", "file:" + System.getProperty("karaf.home") + "/system/../etc/evil.jar")), 422);
        // an operation is a JSON request: a form post (what a cross-site page can send) or no type at all is refused
        assertProblem(api.sendBody("POST", "/v1/modules/dealer/install", "name=dealer", "application/x-www-form-urlencoded", null), 415);
        assertProblem(api.sendBody("POST", "/v1/modules/dealer/uninstall", "x", "text/plain", null), 415);
        assertProblem(api.sendBody("POST", "/v1/modules/dealer/update", "{}", "text/plain", null), 415);
        assertProblem(Api.as("mdupont", "mdupont").sendBody("POST", "/v1/modules/dealer/uninstall", "", Api.JSON, null), 403);

        String refused = shell("tessera:module-purge --confirm dealer dealer");
        assertTrue(refused, refused.contains("uninstall"));
        // the purge through REST: refused while installed, without the name repeated, to others than administrators
        assertProblem(purge(api, "dealer", Api.object().put("confirm", "dealer")), 409);
        Problems.assertNamesField(purge(api, "dealer", Api.object()), 422, "confirm");
        Problems.assertNamesField(purge(api, "dealer", Api.object().put("confirm", "sales")), 422, "confirm");
        assertProblem(api.sendBody("POST", "/v1/modules/dealer/purge", "confirm=dealer", "application/x-www-form-urlencoded", null), 415);
        assertProblem(purge(Api.as("mdupont", "mdupont"), "dealer", Api.object().put("confirm", "dealer")), 403);
        assertProblem(purge(api, "core", Api.object().put("confirm", "core")), 409);

        assertEquals(204, api.sendBody("POST", "/v1/modules/dealer/uninstall", "", Api.JSON, null).status());
        Waits.awaitTrue(() -> module("dealer") == null, "the registry follows", 3);
        String listing = shell("tessera:modules");
        assertTrue(listing, listing.contains("sales") && !listing.contains("dealer "));

        String wrongConfirmation = shell("tessera:module-purge --confirm sales dealer");
        assertTrue(wrongConfirmation, wrongConfirmation.contains("confirm"));
        Api.Response purged = purge(api, "dealer", Api.object().put("confirm", "dealer"));
        assertEquals(purged.toString(), 200, purged.status());
        assertEquals("dealer", purged.json().path("module").asText());
        assertTrue(purged.toString(), texts(purged.json().path("dropped")).contains("TABLE dealer_vehicle"));

        Api.Response again = api.sendBody("POST", "/v1/modules/dealer/install", "", Api.JSON, null);
        assertEquals(again.toString(), 200, again.status());
        assertEquals("a purged module starts from an empty schema", "dealer-001-vehicles", again.json().path("schemaVersion").asText());
        assertEquals(204, api.sendBody("POST", "/v1/modules/dealer/uninstall", "", Api.JSON, null).status());

        // every operation is in the audit trail, signed, with how it ended
        List<String> operations = new ArrayList<>();
        for (JsonNode record : Fixtures.items(api.get("/v1/audit?entityType=MODULE&entityId=dealer&limit=200"))) {
            String operation = null;
            String outcome = null;
            for (JsonNode change : record.path("changes")) {
                if ("operation".equals(change.path("field").asText())) {
                    operation = change.path("newValue").asText();
                } else if ("outcome".equals(change.path("field").asText())) {
                    outcome = change.path("newValue").asText();
                }
            }
            if (operation != null) { // a purge through the shell is recorded too, by the system, with its dropped objects
                assertEquals(record.toString(), "admin", record.path("userId").asText());
                operations.add(operation + ":" + outcome);
            }
        }
        for (String expected : List.of("install:done", "update:done", "uninstall:done", "purge:done")) {
            assertTrue(operations.toString(), operations.contains(expected));
        }
        assertTrue(operations.toString(), operations.stream().filter("install:done"::equals).count() >= 2);
    }

    private static Api.Response purge(Api client, String module, Object body) {
        return client.post("/v1/modules/" + module + "/purge", body);
    }

    private JsonNode module(String name) {
        for (JsonNode module : Fixtures.items(api.get("/v1/modules"))) {
            if (name.equals(module.path("name").asText())) {
                return module;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** Runs a shell command as the administrator; returns what it printed, or the error it raised. */
    private String shell(String command) {
        return KarafShell.asAdmin(sessions, command);
    }
}
