package ${package}.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The module deployed as an integrator deploys it: the Tessera distribution boots, the module's
 * feature repository is added and its feature installed from the Karaf shell, and then its
 * endpoint answers, it shows in {@code /v1/modules}, and its records in the party's timeline and
 * overview and in the global search; its UI is listed for the web shell, served, and leaves with it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ${Module}ModuleIT {
    private static final String FEATURE = "tessera-${module}";
    private static final String COLLECTION = "/v1/${module}/${collection}";

    @Inject
    SessionFactory shell;

    private final RestClient api = new RestClient();

    @Configuration
    public Option[] config() {
        return TesseraDistribution.options();
    }

    @Before
    public void installTheModule() throws Exception {
        awaitTrue(this::healthy, "the Tessera API", 60);
        asAdmin("feature:repo-add " + System.getProperty(TesseraDistribution.MODULE_FEATURES));
        asAdmin("feature:install " + FEATURE);
        // a path no resource serves is a plain HTTP problem (about:blank); the module's own answer is not
        try {
            awaitTrue(() -> !"about:blank".equals(api.get(COLLECTION + "/0").json().path("type").asText("about:blank")),
                    "the module's endpoint", 30);
        } catch (AssertionError notServing) {
            throw new AssertionError(notServing.getMessage() + "; what its bundle waits for:\n"
                    + asAdmin("bundle:diag ${rootArtifactId}.impl"), notServing);
        }
    }

    @After
    public void uninstallTheModule() throws Exception {
        asAdmin("feature:uninstall " + FEATURE);
    }

    @Test
    public void ${entity.substring(0, 1).toLowerCase()}${entity.substring(1)}sAreCreatedReadPatchedListedAndShownOnTheirParty() {
        RestClient.Response party = api.post("/v1/parties", RestClient.object().put("type", "PERSON")
                .put("firstName", "Alex").put("lastName", "Martin-" + UUID.randomUUID()));
        assertEquals(party.toString(), 201, party.status());
        String partyId = party.json().path("id").asText();

        String word = "w" + UUID.randomUUID().toString().replace("-", "");
        RestClient.Response created = api.post(COLLECTION, RestClient.object().put("partyId", partyId).put("name", "First " + word));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().path("id").asText();
        assertEquals("\"1\"", created.etag());

        RestClient.Response read = api.get(COLLECTION + "/" + id);
        assertEquals(read.toString(), 200, read.status());
        assertEquals("First " + word, read.json().path("name").asText());

        RestClient.Response patched = api.patch(COLLECTION + "/" + id, RestClient.object().put("description", "Patched"), read.etag());
        assertEquals(patched.toString(), 200, patched.status());
        assertEquals("First " + word, patched.json().path("name").asText());
        assertEquals("Patched", patched.json().path("description").asText());
        assertEquals("a stale If-Match is refused", 412, api.patch(COLLECTION + "/" + id, RestClient.object().put("name", "Late"), read.etag()).status());
        assertNamesField(api.post(COLLECTION, RestClient.object().put("partyId", partyId)), 422, "name");
        assertNamesField(api.post(COLLECTION, RestClient.object().put("partyId", "0").put("name", "Orphan")), 422, "partyId");

        JsonNode page = api.get(COLLECTION + "?partyId=" + partyId).json();
        assertEquals(page.toString(), List.of(id), ids(page.path("items"), "id"));

        JsonNode module = find(api.get("/v1/modules").json().path("items"), "name", "${module}");
        assertTrue("the module is listed in /v1/modules", module != null);
        assertTrue(module.toString(), ids(module.path("permissions"), null).contains("${module}.${entityName}.read"));

        assertTrue("the module's paths are in the served OpenAPI document",
                api.get("/openapi.json").json().path("paths").has(COLLECTION + "/{id}"));

        List<String> timeline = ids(api.get("/v1/parties/" + partyId + "/timeline").json().path("items"), "id");
        assertTrue(timeline.toString(), timeline.contains("${module}:${entityName}:" + id));

        JsonNode section = find(api.get("/v1/parties/" + partyId + "/overview").json().path("sections"), "module", "${module}");
        assertTrue("the module's section is in the party's overview", section != null);
        assertEquals(section.toString(), List.of("${module}:${entityName}:" + id), ids(section.path("items"), "id"));

        JsonNode group = find(api.get("/v1/search?q=" + word).json().path("groups"), "type", "${entityName}");
        assertTrue("the module's group is in the global search", group != null);
        assertEquals(group.toString(), List.of(id), ids(group.path("items"), "id"));

        JsonNode audit = api.get("/v1/audit?entityType=${entityName.toUpperCase()}&entityId=" + id).json().path("items");
        assertEquals("each write is audited: " + audit, 2, audit.size());
    }

    @Test
    public void itsScreensComeToTheWebShellAndLeaveWithIt() throws Exception {
        JsonNode ui = awaitUi(true);
        assertEquals(ui.toString(), List.of("${module}/${collection}"), ids(ui.path("routes"), "path"));
        assertEquals(ui.toString(), List.of("tessera-${module}-${collection}"), ids(ui.path("routes"), "element"));
        assertEquals(ui.toString(), List.of("${collection}"), ids(ui.path("overviewSections"), "key"));
        assertEquals(ui.toString(), List.of("${module}.${collection}"), ids(ui.path("menu"), "id"));
        assertTrue(ui.toString(), ui.path("messages").path("fr").has("menu.list"));

        // the entry the shell loads by URL is served from the UI bundle, and defines the elements named above
        RestClient.Response entry = api.getFromServer(ui.path("entry").asText());
        assertEquals(entry.status() + " " + ui.path("entry").asText(), 200, entry.status());
        assertTrue("the entry is the module's built UI", entry.body().contains("tessera-${module}-${collection}-section"));

        // uninstalled, the module's screens leave the shell's list; reinstalled, they are back (@After uninstalls again)
        asAdmin("feature:uninstall " + FEATURE);
        awaitUi(false);
        asAdmin("feature:install " + FEATURE);
        awaitUi(true);
    }

    /** Waits until {@code /v1/ui/extensions} lists the module's UI (or no longer does): the listed item. */
    private JsonNode awaitUi(boolean listed) {
        JsonNode[] found = new JsonNode[1];
        awaitTrue(() -> {
            found[0] = find(api.get("/v1/ui/extensions").json().path("items"), "module", "${module}");
            return (found[0] != null) == listed;
        }, listed ? "the module's UI in /v1/ui/extensions" : "the module's UI gone from /v1/ui/extensions", 30);
        return found[0];
    }

    private boolean healthy() {
        try {
            return api.get("/v1/health").status() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    private static void assertNamesField(RestClient.Response response, int status, String field) {
        assertEquals(response.toString(), status, response.status());
        assertTrue(response.toString(), ids(response.json().path("errors"), "field").contains(field));
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(field == null ? node.asText() : node.path(field).asText()));
        return values;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        return null;
    }

    /** Runs a shell command as the administrator (the shell's ACLs keep feature:* for admins): its output, or a failure with it. */
    private String asAdmin(String command) throws Exception {
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("admin"));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> {
                try (Session session = shell.create(new ByteArrayInputStream(new byte[0]), out, out)) {
                    return session.execute(command);
                }
            });
        } catch (PrivilegedActionException failed) {
            throw new AssertionError(command + " failed: " + output.toString(StandardCharsets.UTF_8), failed.getCause());
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    private static void awaitTrue(BooleanSupplier condition, String what, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not ready within " + seconds + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }
}
