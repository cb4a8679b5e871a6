package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The web UI as the distribution serves it: the shell at {@code /tessera/}, {@code /} redirecting
 * there, the REST API still at {@code /tessera/api/}, and module UI bundles that are served and
 * listed in {@code /v1/ui/extensions} exactly while they are active — with the caller's menu,
 * cheap polling (304), no way out of a bundle's UI folder, and a faulty descriptor refused whole.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WebUiIT {
    private static final String MODULE = "itui";

    @Inject
    BundleContext context;

    private final Api api = new Api();
    private String server;

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        api.awaitHealthy(60);
        server = "http://localhost:" + System.getProperty(TesseraContainer.HTTP_PORT_PROPERTY);
    }

    @Test
    public void theShellAnswersAtTesseraAndTheRootRedirectsThere() {
        Api.Response root = api.get(server + "/");
        assertEquals(root.toString(), 302, root.status());
        assertTrue(root.header("Location"), root.header("Location").endsWith("/tessera/"));
        assertEquals(302, api.get(server + "/tessera").status());

        Api.Response index = api.get(server + "/tessera/");
        assertEquals(200, index.status());
        assertTrue(index.contentType(), index.contentType().startsWith("text/html"));
        assertEquals("no-cache", index.header("Cache-Control"));
        assertTrue(index.raw().body(), index.raw().body().contains("<html"));
        Api.Response revalidated = api.get(server + "/tessera/", "If-None-Match", index.header("ETag"));
        assertEquals(304, revalidated.status());

        Api.Response lit = api.get(server + "/tessera/vendor/lit.js");
        assertEquals(200, lit.status());
        assertEquals("text/javascript;charset=utf-8", lit.contentType().replace(" ", "").toLowerCase());
        assertEquals("gzip", api.get(server + "/tessera/vendor/lit.js", "Accept-Encoding", "gzip").header("Content-Encoding"));

        Matcher asset = Pattern.compile("/tessera/(assets/[^\"]+\\.js)").matcher(index.raw().body());
        assertTrue("index.html loads a hashed asset: " + index.raw().body(), asset.find());
        Api.Response hashed = api.get(server + "/tessera/" + asset.group(1));
        assertEquals(200, hashed.status());
        assertTrue(hashed.header("Cache-Control"), hashed.header("Cache-Control").contains("immutable"));

        assertProblem(api.get(server + "/tessera/no-such-file.js"), 404);
        // the API keeps its own path: the UI's /tessera/* does not shadow the JAX-RS applications
        assertEquals(200, api.get("/v1/health").status());
        assertEquals(200, api.get("/v1/sales/pipeline").status());
    }

    @Test
    public void aModuleUiIsServedAndListedExactlyWhileItsBundleIsActive() throws Exception {
        String entry = "export const loaded = true;\n".repeat(100);
        Bundle ui = context.installBundle("itest:ui-" + MODULE, UiBundles.bundle("org.tessera.crm.itests.ui", MODULE, Map.of(
                "tessera-ui.json", UiBundles.descriptor(MODULE, "core.audit.read", "core.party.sensitive"),
                MODULE + "-ui.js", entry,
                "chunk-B1x_9aZc.js", "export const chunk = 1;\n")));
        try {
            String before = revision(api);
            ui.start();
            Waits.awaitTrue(() -> item(api, MODULE) != null, "the UI is listed once its bundle is active", 3);
            JsonNode listed = item(api, MODULE);
            assertEquals("ACTIVE", listed.path("state").asText());
            assertEquals("/tessera/ui/" + MODULE + "/", listed.path("base").asText());
            assertEquals("/tessera/ui/" + MODULE + "/" + MODULE + "-ui.js?v=" + ui.getLastModified(), listed.path("entry").asText());
            assertEquals("Accueil", listed.path("messages").path("fr").path("menu.home").asText());
            assertEquals("tessera-" + MODULE + "-home", listed.path("routes").get(0).path("element").asText());
            assertEquals(List.of(MODULE + ".home", MODULE + ".admin"), ids(listed.path("menu")));
            assertEquals(List.of(MODULE + ".go"), ids(listed.path("partyActions")));
            String withUi = revision(api);
            assertNotEquals("the revision follows the set", before, withUi);

            // an agent sees the entries that need no permission, or one of theirs
            Api agent = Api.as("mdupont", "mdupont");
            JsonNode agentsView = item(agent, MODULE);
            assertEquals(List.of(MODULE + ".home"), ids(agentsView.path("menu")));
            assertEquals(List.of(), ids(agentsView.path("partyActions")));
            assertNotEquals("a caller's view has its own revision", withUi, revision(agent));

            // polling is cheap: the entity tag is the revision
            Api.Response current = api.get("/v1/ui/extensions");
            assertEquals(withUi, current.header("ETag").replace("\"", ""));
            Api.Response unchanged = api.get("/v1/ui/extensions", "If-None-Match", current.header("ETag"));
            assertEquals(304, unchanged.status());

            Api.Response served = api.get(server + listed.path("entry").asText());
            assertEquals(200, served.status());
            assertEquals(entry, served.raw().body());
            assertEquals("text/javascript;charset=utf-8", served.contentType().replace(" ", "").toLowerCase());
            assertTrue(served.header("Cache-Control"), served.header("Cache-Control").contains("immutable"));
            assertEquals("no-cache", api.get(server + "/tessera/ui/" + MODULE + "/" + MODULE + "-ui.js").header("Cache-Control"));
            assertTrue(api.get(server + "/tessera/ui/" + MODULE + "/chunk-B1x_9aZc.js").header("Cache-Control").contains("immutable"));
            assertEquals("application/json", api.get(server + "/tessera/ui/" + MODULE + "/tessera-ui.json").contentType());

            // nothing outside the bundle's UI folder
            for (String climbing : List.of("/tessera/ui/" + MODULE + "/.hidden", "/tessera/ui/" + MODULE + "/a%5C..%5C..%5Cx.js",
                    "/tessera/ui/" + MODULE + "/x/..%2F..%2F..%2Fetc%2Fpasswd", "/tessera/ui/" + MODULE + "/%2e%2e/%2e%2e/etc/passwd")) {
                Api.Response refused = api.get(server + climbing);
                assertTrue(climbing + " → " + refused, refused.status() == 400 || refused.status() == 404);
                assertFalse(climbing, refused.raw().body().contains("root:"));
            }
            assertProblem(api.get(server + "/tessera/ui/" + MODULE + "/no-such-file.js"), 404);
            assertProblem(api.get(server + "/tessera/ui/no-such-module/x.js"), 404);

            ui.stop();
            Waits.awaitTrue(() -> item(api, MODULE) == null, "the UI leaves with its bundle", 3);
            assertEquals("the revision of the set without it", before, revision(api));
            assertProblem(api.get(server + "/tessera/ui/" + MODULE + "/" + MODULE + "-ui.js"), 404);
            assertEquals("a page polling with the old revision learns of it", 200,
                    api.get("/v1/ui/extensions", "If-None-Match", current.header("ETag")).status());

            ui.start();
            Waits.awaitTrue(() -> item(api, MODULE) != null, "the UI is back when its bundle is", 3);
        } finally {
            ui.uninstall();
        }
        assertNull(item(api, MODULE));
    }

    @Test
    public void aFaultyDescriptorIsRefusedWhole() throws Exception {
        String faulty = UiBundles.descriptor("itbad", "core.audit.read", "core.audit.read")
                .replace("\"fr\": {\"menu.home\": \"Accueil\", \"menu.admin\": \"Admin\", \"action.go\": \"Aller\"}", "\"de\": {}")
                .replace("tessera-itbad-home", "NotAnElement");
        Bundle ui = context.installBundle("itest:ui-itbad", UiBundles.bundle("org.tessera.crm.itests.ui.bad", "itbad",
                Map.of("tessera-ui.json", faulty, "itbad-ui.js", "export {};")));
        try {
            ui.start();
            assertEquals(Bundle.ACTIVE, ui.getState());
            assertNull("not listed", item(api, "itbad"));
            assertProblem(api.get(server + "/tessera/ui/itbad/itbad-ui.js"), 404);
        } finally {
            ui.uninstall();
        }
    }

    @Test
    public void theExtensionsNeedACaller() {
        assertProblem(Api.anonymous().get("/v1/ui/extensions"), 401);
        assertTrue(api.get("/v1/ui/extensions").json().path("items").isArray());
    }

    private static String revision(Api client) {
        return client.get("/v1/ui/extensions").json().path("revision").asText();
    }

    private static JsonNode item(Api client, String module) {
        Api.Response response = client.get("/v1/ui/extensions");
        assertEquals(response.toString(), 200, response.status());
        for (JsonNode item : response.json().path("items")) {
            if (module.equals(item.path("module").asText())) {
                return item;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(entry -> ids.add(entry.path("id").asText()));
        return ids;
    }
}
