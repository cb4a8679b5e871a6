package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.karaf.shell.api.console.SessionFactory;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * Authentication and the permission check, over HTTP. The first test walks every resource method
 * the JAX-RS runtime serves, in every application (the Tessera ones, the whiteboard's default one,
 * any other), whichever bundle registered it, so that a method added later without a permission
 * fails the build.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SecurityIT {
    private static final String API_BASE = "/" + TesseraApi.APPLICATION_BASE;
    /** Reachable without credentials: the health check and the OpenAPI document. */
    private static final Set<String> ANONYMOUS = Set.of("GET /v1/health", "GET /openapi.json",
            // an email's unsubscribe link: its token is the credential (an unknown one answers 404)
            "GET /v1/marketing/unsubscribe");
    /** Open to any authenticated caller: taking a token, asking who one is. */
    private static final Set<String> AUTHENTICATED = Set.of("POST /v1/auth/token", "GET /v1/auth/me", "GET /v1/ui/extensions");

    @Inject
    JaxrsServiceRuntime jaxrsRuntime;
    @Inject
    SessionFactory shellSessions;
    @Inject
    BundleContext context;
    @Inject
    ConfigurationAdmin configurations;

    private final Api admin = new Api();
    private final Api anonymous = Api.anonymous();
    private final Api nobody = Api.as("nobody", "nobody");

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        admin.awaitHealthy(60);
        // the first suite of a container may start while modules are still joining their applications
        ModuleProbes.awaitInstalledServed(admin, 120);
    }

    @Test
    public void everyResourceMethodAnswers401WithoutCredentialsAnd403WithoutItsPermission() {
        // a module's resources join its application one by one: walk the list once it holds still
        Waits.awaitTrue(() -> {
            Set<Served> first = Set.copyOf(resourceMethods());
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(2));
            return first.equals(Set.copyOf(resourceMethods()));
        }, "the runtime's resource methods hold still", 60);
        List<Served> methods = resourceMethods();
        assertTrue("the runtime lists the resource methods: " + methods, methods.size() >= 35);
        assertTrue("a module's own application is walked too: " + methods,
                methods.stream().anyMatch(method -> method.key().contains(" /v1/sales/")));
        List<String> failures = new ArrayList<>();
        for (Served method : methods) {
            String verb = method.verb();
            String key = method.key();
            String consumes = method.consumes();
            String url = "http://localhost:" + System.getProperty(TesseraContainer.HTTP_PORT_PROPERTY)
                    + method.absolutePath().replaceAll("\\{[^}]*\\}", "none-0");
            int withoutCredentials = call(anonymous, verb, url, consumes).status();
            int withoutPermission = call(nobody, verb, url, consumes).status();
            int asAdmin = call(admin, verb, url, consumes).status();
            if (ANONYMOUS.contains(key)) {
                expectNot(failures, key + " anonymous", withoutCredentials, 401, 403);
            } else {
                expect(failures, key + " anonymous", withoutCredentials, 401);
                if (AUTHENTICATED.contains(key)) {
                    expectNot(failures, key + " nobody", withoutPermission, 401, 403);
                } else {
                    expect(failures, key + " nobody", withoutPermission, 403);
                }
            }
            // the administrator has every permission: a 403 here means the method declares none
            expectNot(failures, key + " admin", asAdmin, 401, 403);
        }
        assertTrue("unguarded or misguarded methods: " + failures, failures.isEmpty());
    }

    /** A resource that selects no application, so the whiteboard puts it in its default application. */
    @javax.ws.rs.Path("/stray-it")
    public static class StrayResource {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String secret() {
            return "served unguarded";
        }
    }

    @Test
    public void aResourceRegisteredInTheDefaultApplicationIsNeverServedUnguarded() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(JaxrsWhiteboardConstants.JAX_RS_RESOURCE, true);
        ServiceRegistration<StrayResource> stray = context.registerService(StrayResource.class, new StrayResource(), properties);
        try {
            Waits.awaitTrue(() -> Arrays.stream(jaxrsRuntime.getRuntimeDTO().defaultApplication.resourceDTOs)
                    .anyMatch(resource -> resource.serviceId == (Long) stray.getReference().getProperty("service.id")),
                    "the stray resource joins the default application", 10);
            String url = "http://localhost:" + System.getProperty(TesseraContainer.HTTP_PORT_PROPERTY) + "/stray-it";
            Api.Response anonymousCall = anonymous.get(url);
            assertFalse(anonymousCall.toString(), anonymousCall.raw().body().contains("served unguarded"));
            Problems.assertProblem(anonymousCall, 401);
            // it declares no permission: denied even to the administrator
            Api.Response adminCall = admin.get(url);
            assertFalse(adminCall.toString(), adminCall.raw().body().contains("served unguarded"));
            Problems.assertProblem(adminCall, 403);
        } finally {
            stray.unregister();
        }
    }

    @Test
    public void noKnownPasswordWithoutDemoModeAndTheShellListensOnTheLoopbackOnly() throws Exception {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Path passwordFile = etc.resolve("tessera-admin.password");
        String generated = Files.readString(passwordFile).trim();
        assertTrue(generated, generated.length() >= 24);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        Properties shellUsers = new Properties();
        try (Reader reader = Files.newBufferedReader(etc.resolve("users.properties"), StandardCharsets.ISO_8859_1)) {
            shellUsers.load(reader);
        }
        assertEquals("the shell's admin has the generated password", generated + ",_g_:admingroup", shellUsers.getProperty("admin"));
        assertEquals("127.0.0.1", configurations.getConfiguration("org.apache.karaf.shell", null).getProperties().get("sshHost"));
        assertEquals(200, Api.as("admin", generated).get("/v1/auth/me").status());

        org.osgi.service.cm.Configuration realm = configurations.getConfiguration(TesseraContainer.REALM_PID, null);
        Dictionary<String, Object> demo = realm.getProperties();
        Dictionary<String, Object> production = new Hashtable<>();
        for (String key : Collections.list(demo.keys())) {
            production.put(key, demo.get(key));
        }
        production.put("demoUsers", "false");
        realm.update(production);
        try {
            Waits.awaitTrue(() -> Api.as("mdupont", "mdupont").get("/v1/auth/me").status() == 401, "demo users refused", 30);
            // the realm is reconfigured in place: the application stays served, no 404 meanwhile
            Problems.assertProblem(Api.as("admin", "admin").get("/v1/auth/me"), 401);
            assertEquals("the generated password works", 200, Api.as("admin", generated).get("/v1/auth/me").status());
        } finally {
            demo.remove("service.pid");
            realm.update(demo);
            // whatever failed above, the suites after this one find demo mode back
            Waits.awaitTrue(() -> Api.as("mdupont", "mdupont").get("/v1/auth/me").status() == 200, "demo mode again", 30);
            Waits.awaitTrue(() -> admin.get("/v1/auth/me").status() == 200, "demo mode again", 30);
        }
    }

    @Test
    public void rotatingTheTokenKeyRefusesTheTokensIssuedBeforeWithoutARestart() {
        String before = admin.sendBody("POST", "/v1/auth/token", "", "application/json", null).json().path("access_token").asText();
        assertEquals(200, Api.bearer(before).get("/v1/auth/me").status());
        Problems.assertProblem(Api.as("mdupont", "mdupont").post("/v1/security/token-key/rotate", Api.object()), 403);

        Api.Response rotated = admin.post("/v1/security/token-key/rotate", Api.object());
        assertEquals(rotated.toString(), 200, rotated.status());
        assertFalse(rotated.json().path("kid").asText().isEmpty());
        Problems.assertProblem(Api.bearer(before).get("/v1/auth/me"), 401);
        String after = admin.sendBody("POST", "/v1/auth/token", "", "application/json", null).json().path("access_token").asText();
        assertEquals(200, Api.bearer(after).get("/v1/auth/me").status());
    }

    @Test
    public void missingAndBadCredentialsGet401WithAChallenge() {
        Api.Response missing = anonymous.get("/v1/parties");
        Problems.assertProblem(missing, 401);
        assertTrue(missing.header("WWW-Authenticate"), missing.header("WWW-Authenticate").contains("Basic realm=\"tessera\""));
        assertTrue(missing.header("WWW-Authenticate"), missing.header("WWW-Authenticate").contains("Bearer"));
        Problems.assertProblem(Api.as("admin", "not-the-password").get("/v1/parties"), 401);
        Problems.assertProblem(Api.as("no-such-user", "x").get("/v1/parties"), 401);
        Problems.assertProblem(anonymous.get("/v1/parties", "Authorization", "Digest abc"), 401);
    }

    /** The web UI's scripts say X-Requested-With: no Basic challenge then, or the browser would pop its own login dialog. */
    @Test
    public void aScriptOfTheWebUiIsChallengedForABearerTokenOnly() {
        for (Api.Response refused : List.of(anonymous.get("/v1/auth/me", "X-Requested-With", "XMLHttpRequest"),
                Api.as("admin", "not-the-password").get("/v1/parties", "X-Requested-With", "XMLHttpRequest"))) {
            Problems.assertProblem(refused, 401);
            assertEquals(refused.toString(), "Bearer realm=\"tessera\"", refused.header("WWW-Authenticate"));
        }
        assertTrue("other clients keep Basic", anonymous.get("/v1/auth/me", "X-Requested-With", "curl").header("WWW-Authenticate")
                .contains("Basic realm=\"tessera\""));
    }

    @Test
    public void aMissingPermissionIsA403Problem() {
        JsonNode problem = Problems.assertProblem(Api.as("mdupont", "mdupont").post("/v1/org-units",
                Api.object().put("code", "X").put("name", "X")), 403);
        assertTrue(problem.toString(), problem.path("detail").asText().contains("core.org.write"));
    }

    @Test
    public void aTokenWorksUntilItsLoginIsDisabled() {
        Api leaver = Api.as("leaver", "leaver");
        Api.Response issued = leaver.sendBody("POST", "/v1/auth/token", "", "application/json", null);
        assertEquals(issued.toString(), 200, issued.status());
        String token = issued.json().path("access_token").asText();
        assertEquals("Bearer", issued.json().path("token_type").asText());
        assertTrue(issued.toString(), issued.json().path("expires_in").asLong() > 0);
        Api bearer = Api.bearer(token);
        assertEquals(200, bearer.get("/v1/parties?limit=1").status());
        assertEquals("leaver", bearer.get("/v1/auth/me").json().path("login").asText());
        // a token does not buy another token, and a forged one is refused
        assertEquals(403, bearer.sendBody("POST", "/v1/auth/token", "", "application/json", null).status());
        String forged = token.substring(0, token.indexOf('.')) + ".AAAA" + token.substring(token.indexOf('.') + 5);
        Problems.assertProblem(Api.bearer(forged).get("/v1/parties?limit=1"), 401);
        try {
            assertEquals(204, admin.put("/v1/security/logins/leaver", Api.object().put("disabled", true), null).status());
            Problems.assertProblem(bearer.get("/v1/parties?limit=1"), 401);
            Problems.assertProblem(leaver.get("/v1/parties?limit=1"), 401);
        } finally {
            admin.put("/v1/security/logins/leaver", Api.object().put("disabled", false), null);
        }
        assertEquals(200, bearer.get("/v1/parties?limit=1").status());
    }

    @Test
    public void repeatedFailedLoginsAreThrottled() {
        Api wrong = Api.as("throttled", "wrong-password");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals("attempt " + attempt, 401, wrong.get("/v1/parties?limit=1").status());
        }
        Api.Response locked = Api.as("throttled", "right-password").get("/v1/parties?limit=1");
        Problems.assertProblem(locked, 429);
        assertNotNull(locked.header("Retry-After"));
        // a case variant is the same login, not a fresh count
        Problems.assertProblem(Api.as("THROTTLED", "wrong-password").get("/v1/parties?limit=1"), 429);
        // another login is not affected
        assertEquals(200, Api.as("mdupont", "mdupont").get("/v1/parties?limit=1").status());
    }

    @Test
    public void rolesGrantOnlyPermissionsOfInstalledModules() {
        JsonNode permissions = admin.get("/v1/security/permissions").json();
        assertTrue(permissions.toString(), permissions.path("core").toString().contains("core.party.read"));
        Problems.assertNamesField(admin.put("/v1/security/roles/it-auditor",
                Api.object().set("permissions", Api.parse("[\"core.audit.read\", \"nosuchmodule.thing.read\"]")), null), 422, "permissions");
        try {
            assertEquals(204, admin.put("/v1/security/roles/it-auditor",
                    Api.object().set("permissions", Api.parse("[\"core.audit.read\"]")), null).status());
            assertEquals("[\"core.audit.read\"]", admin.get("/v1/security/roles").json().path("it-auditor").toString());
        } finally {
            assertEquals(204, admin.delete("/v1/security/roles/it-auditor").status());
        }
        assertTrue(admin.get("/v1/security/roles").json().path("it-auditor").isMissingNode());
        // an agent may not manage roles
        Problems.assertProblem(Api.as("mdupont", "mdupont").get("/v1/security/roles"), 403);
    }

    @Test
    public void systemChangingShellCommandsAreForAdminsOnly() {
        for (String command : List.of("tessera:demo-load", "feature:install scr", "bundle:stop 0", "config:list", "jdbc:ds-list")) {
            String output = KarafShell.execute(shellSessions, command, "support", "viewer", "manager");
            assertTrue(command + " answered: " + output, output.contains("Command not found") || output.contains("Insufficient credentials"));
        }
        assertTrue(KarafShell.asAdmin(shellSessions, "feature:list -i").contains("tessera-core"));
        // not a system-changing command: open to every shell user
        assertTrue(KarafShell.execute(shellSessions, "shell:echo hello", "support", "viewer").contains("hello"));
    }

    private static void expect(List<String> failures, String what, int actual, int expected) {
        if (actual != expected) {
            failures.add(what + " answered " + actual + " instead of " + expected);
        }
    }

    private static void expectNot(List<String> failures, String what, int actual, int... refused) {
        for (int status : refused) {
            if (actual == status) {
                failures.add(what + " answered " + actual);
            }
        }
    }

    /** Sends a request with a malformed body, so that a method that gets past the guard writes nothing. */
    private static Api.Response call(Api api, String verb, String path, String consumes) {
        if (verb.equals("GET") || verb.equals("DELETE")) {
            return api.sendBody(verb, path, "", consumes, null);
        }
        return api.sendBody(verb, path, "{", consumes, null);
    }

    /**
     * A resource method as the runtime serves it: its verb, its path from the HTTP root, and the
     * media type it consumes. Its key names it relative to /tessera/api when it lives there.
     */
    private record Served(String verb, String absolutePath, String consumes) {
        String key() {
            String relative = absolutePath.startsWith(API_BASE + "/") ? absolutePath.substring(API_BASE.length()) : absolutePath;
            return verb + " " + relative;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /**
     * Every resource method of every application the JAX-RS runtime serves (the Tessera
     * applications, the whiteboard's default application, any other), from the runtime DTOs.
     */
    private List<Served> resourceMethods() {
        List<Served> methods = new ArrayList<>();
        RuntimeDTO runtime = jaxrsRuntime.getRuntimeDTO();
        List<ApplicationDTO> applications = new ArrayList<>(List.of(runtime.applicationDTOs));
        applications.add(runtime.defaultApplication);
        for (ApplicationDTO application : applications) {
            String base = ("/" + application.base).replaceAll("/+", "/").replaceAll("/$", "");
            List<ResourceMethodInfoDTO> infos = new ArrayList<>();
            if (application.resourceMethods != null) {
                infos.addAll(List.of(application.resourceMethods));
            }
            for (ResourceDTO resource : application.resourceDTOs) {
                infos.addAll(List.of(resource.resourceMethods));
            }
            for (ResourceMethodInfoDTO method : infos) {
                String path = (base + (method.path.startsWith("/") ? method.path : "/" + method.path)).replaceAll("/+$", "");
                String consumes = method.consumingMimeType == null || method.consumingMimeType.length == 0
                        ? "application/json" : method.consumingMimeType[0];
                methods.add(new Served(method.method, path, consumes));
            }
        }
        assertNotEquals("the tessera application is served", 0, methods.size());
        return methods;
    }
}
