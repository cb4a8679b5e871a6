package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

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
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * Authentication and the permission check, over HTTP. The first test walks every resource method
 * the JAX-RS runtime serves in the Tessera application, whichever bundle registered it, so that a
 * method added later without a permission fails the build.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SecurityIT {
    /** Reachable without credentials: the health check and the OpenAPI document. */
    private static final Set<String> ANONYMOUS = Set.of("GET /v1/health", "GET /openapi.json");
    /** Open to any authenticated caller: taking a token, asking who one is. */
    private static final Set<String> AUTHENTICATED = Set.of("POST /v1/auth/token", "GET /v1/auth/me");

    @Inject
    JaxrsServiceRuntime jaxrsRuntime;
    @Inject
    SessionFactory shellSessions;

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
    }

    @Test
    public void everyResourceMethodAnswers401WithoutCredentialsAnd403WithoutItsPermission() {
        List<String> methods = resourceMethods();
        assertTrue("the runtime lists the resource methods: " + methods, methods.size() >= 35);
        assertTrue("a module's own application is walked too: " + methods,
                methods.stream().anyMatch(method -> method.contains(" /v1/sales/")));
        List<String> failures = new ArrayList<>();
        for (String method : methods) {
            String verb = method.substring(0, method.indexOf(' '));
            String path = method.substring(method.indexOf(' ') + 1);
            String consumes = method.contains("|") ? method.substring(method.indexOf('|') + 1) : "application/json";
            path = path.contains("|") ? path.substring(0, path.indexOf('|')) : path;
            String key = verb + " " + path;
            String url = path.replaceAll("\\{[^}]*\\}", "none-0");
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
     * "VERB /path|consumes" of every resource method of the Tessera applications (the core's and
     * each module's, all under /tessera/api), from the runtime DTOs; paths relative to /tessera/api.
     */
    private List<String> resourceMethods() {
        List<String> methods = new ArrayList<>();
        String apiBase = "/" + TesseraApi.APPLICATION_BASE;
        for (ApplicationDTO application : jaxrsRuntime.getRuntimeDTO().applicationDTOs) {
            String base = application.base.startsWith("/") ? application.base : "/" + application.base;
            if (!base.startsWith(apiBase)) {
                continue;
            }
            String prefix = base.substring(apiBase.length()).replaceAll("/+$", "");
            for (ResourceDTO resource : application.resourceDTOs) {
                for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                    String path = prefix + (method.path.startsWith("/") ? method.path : "/" + method.path);
                    String consumes = method.consumingMimeType == null || method.consumingMimeType.length == 0
                            ? "application/json" : method.consumingMimeType[0];
                    methods.add(method.method + " " + path.replaceAll("/+$", "") + "|" + consumes);
                }
            }
        }
        assertNotEquals("the tessera application is served", 0, methods.size());
        return methods;
    }
}
