package org.tessera.crm.itests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two nodes of the real distribution on one PostgreSQL, as an operator runs them: each switched to
 * the database with {@code bin/tessera-db postgresql}, on its own ports ({@code bin/tessera-ports}),
 * with no other shared state. A client talks to one node, then to the other, and what one node
 * wrote must be what the other serves: the same version, the same conflicts, one delivery per event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(NodeLogsOnFailure.class)
class ClusterIT implements NodeLogsOnFailure.WithNodes {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);

    EmbeddedPostgres postgres;
    Node a;
    Node b;
    Api adminOnA;
    Api adminOnB;

    @BeforeAll
    void startCluster() throws Exception {
        Path archive = Path.of(System.getProperty("tessera.distribution.archive"));
        Path dir = Path.of(System.getProperty("tessera.cluster.dir", "target/cluster"));
        int port = Integer.getInteger("tessera.cluster.port", 28181);
        Files.createDirectories(dir);
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE tessera");
        }
        // the embedded server trusts local connections; the file is there because an operator's has one
        Path passwordFile = dir.resolve("db.password");
        Files.writeString(passwordFile, "not-checked-by-a-trusting-server\n");
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/tessera";

        a = Node.unpack(archive, dir, "a", port);
        b = Node.unpack(archive, dir, "b", port + 100);
        for (Node node : List.of(a, b)) {
            node.script("tessera-db", "postgresql", "--url", url, "--user", "postgres", "--password-file", passwordFile.toString());
            node.configure("org.tessera.crm.webhooks", "allowLoopback", "true");
            // a short lease, so that the job of a killed node is taken over within seconds
            node.configure("org.tessera.crm.imports.jobs", "nodeId", "node-" + node.name);
            node.configure("org.tessera.crm.imports.jobs", "leaseMillis", "5000");
            // the SLA test moves each engine's clock and sweeps both nodes at once itself
            node.configure("org.tessera.crm.service", "testClockEnabled", "true");
            node.configure("org.tessera.crm.service", "sweepSeconds", "3600");
        }
        // One after the other: the first migrates the schema, the second finds it migrated.
        a.start();
        a.script("load-demo");
        b.start();
        b.script("load-demo");
        adminOnA = Api.basic(a, "admin", "admin");
        adminOnB = Api.basic(b, "admin", "admin");
    }

    @Override
    public List<Node> nodes() {
        return java.util.stream.Stream.of(a, b).filter(java.util.Objects::nonNull).toList();
    }

    @AfterAll
    void stopCluster() throws IOException {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aPartyWrittenOnAIsReadOnBAtOnceWithItsNewVersion() {
        String id = createParty(adminOnA, "Coherent");
        Api.Answer before = adminOnB.get("/parties/" + id); // B has now read (and could have cached) version 1
        assertEquals("\"1\"", before.etag(), before.toString());

        Api.Answer patched = adminOnA.patch("/parties/" + id, "\"1\"", Api.map("jobTitle", "Written on A"));
        assertEquals(200, patched.status(), patched.toString());

        Api.Answer after = adminOnB.get("/parties/" + id);
        assertEquals(200, after.status(), after.toString());
        assertEquals("\"2\"", after.etag(), "B must serve the version A wrote, at once");
        assertEquals("Written on A", after.json().path("jobTitle").asText());
    }

    @Test
    void aStaleIfMatchOnBAfterAWriteOnAIsRefused() {
        String id = createParty(adminOnA, "Conflicting");
        assertEquals("\"1\"", adminOnB.get("/parties/" + id).etag());
        assertEquals(200, adminOnA.patch("/parties/" + id, "\"1\"", Api.map("jobTitle", "A was first")).status());

        Api.Answer stale = adminOnB.patch("/parties/" + id, "\"1\"", Api.map("jobTitle", "B overwrites")); // B's client still holds version 1
        assertEquals(412, stale.status(), stale.toString());
        assertEquals("A was first", adminOnB.get("/parties/" + id).json().path("jobTitle").asText());
    }

    @Test
    void aTokenIssuedByAIsAcceptedByBUntilARotationOnBRefusesItOnA() {
        Api.Answer issued = adminOnA.post("/auth/token", "");
        assertEquals(200, issued.status(), issued.toString());
        Api bearerOnB = Api.bearer(b, issued.json().path("access_token").asText());
        Api bearerOnA = Api.bearer(a, issued.json().path("access_token").asText());
        Api.Answer me = bearerOnB.get("/auth/me");
        assertEquals(200, me.status(), "B accepts the token A signed: " + me);

        Api.Answer rotated = adminOnB.post("/security/token-key/rotate", "{}");
        assertEquals(200, rotated.status(), rotated.toString());
        assertEquals(401, bearerOnB.get("/auth/me").status(), "the node that rotated refuses the old token at once");
        eventually("A refusing the token signed before B's rotation", () -> bearerOnA.get("/auth/me").status() == 401 ? true : null);

        Api.Answer fresh = adminOnB.post("/auth/token", "");
        assertEquals(200, Api.bearer(a, fresh.json().path("access_token").asText()).get("/auth/me").status(),
                "A accepts at once a token signed with B's new key");
    }

    @Test
    void aLoginDisabledOnAIsRefusedOnBAndARoleGrantedOnBGrantsOnA() {
        Api agentOnA = Api.basic(a, "mdupont", "mdupont");
        Api agentOnB = Api.basic(b, "mdupont", "mdupont");
        assertEquals(200, agentOnB.get("/auth/me").status());
        try {
            assertEquals(204, adminOnA.put("/security/logins/mdupont", Api.map("disabled", true)).status());
            assertEquals(401, agentOnA.get("/auth/me").status(), "the node that answered refuses the login at once");
            eventually("B refusing the login disabled on A", () -> agentOnB.get("/auth/me").status() == 401 ? true : null,
                    Duration.ofSeconds(10));
        } finally {
            assertEquals(204, adminOnB.put("/security/logins/mdupont", Api.map("disabled", false)).status());
        }
        eventually("A accepting the login enabled again on B", () -> agentOnA.get("/auth/me").status() == 200 ? true : null,
                Duration.ofSeconds(10));

        assertEquals(204, adminOnB.put("/security/roles/cluster-auditor", Api.map("permissions", List.of("core.audit.read"))).status());
        try {
            eventually("the role granted on B in A's roles", () -> adminOnA.get("/security/roles").json().path("cluster-auditor").toString()
                    .equals("[\"core.audit.read\"]") ? true : null, Duration.ofSeconds(10));
        } finally {
            adminOnA.send("DELETE", "/security/roles/cluster-auditor");
        }
    }

    @Test
    void aChangeOnAIsInTheFeedOfB() {
        String next = adminOnB.get("/changes?since=now").json().path("next").asText();
        String id = createParty(adminOnA, "Fed");
        JsonNode found = eventually("the creation of party " + id + " in B's feed", () -> {
            for (JsonNode change : adminOnB.get("/changes?since=" + next + "&types=party&limit=1000&wait=2").json().path("items")) {
                if (change.path("recordId").asText().equals(id) && change.path("action").asText().equals("CREATED")) {
                    return change;
                }
            }
            return null;
        });
        assertEquals("admin", found.path("user").asText());
    }

    @Test
    void aChangeOnAReachesAWebhookReceiverOnceThoughBothNodesDeliver() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes());
            received.add(exchange.getRequestHeaders().getFirst("Tessera-Event-Id") + " " + body);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Api.Answer subscription = adminOnB.post("/webhooks", Api.map("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "types", List.of("party"), "filter", Map.of("actions", List.of("UPDATED")), "secret", "a-secret-of-the-cluster-test"));
            assertEquals(201, subscription.status(), subscription.toString());
            String id = createParty(adminOnA, "Hooked");
            assertEquals(200, adminOnA.patch("/parties/" + id, "\"1\"", Api.map("jobTitle", "Announced")).status());

            String subscriptionId = subscription.json().path("id").asText();
            // the delivery log is where a second delivery would start: one row per change and subscription,
            // written once by whichever node fans out; once it is DELIVERED, the receiver has had its POST
            List<JsonNode> logged = eventually("the update of party " + id + " DELIVERED in the delivery log", () -> {
                List<JsonNode> ofParty = new java.util.ArrayList<>();
                for (JsonNode delivery : adminOnB.get("/webhooks/" + subscriptionId + "/deliveries?limit=100").json().path("items")) {
                    if (delivery.path("recordId").asText().equals(id)) {
                        ofParty.add(delivery);
                    }
                }
                return !ofParty.isEmpty() && ofParty.stream().allMatch(d -> d.path("state").asText().equals("DELIVERED")) ? ofParty : null;
            });
            assertEquals(1, logged.size(), "one delivery row for the update, whatever the number of nodes: " + logged);
            List<String> ofThisParty = received.stream().filter(line -> line.contains("\"recordId\":\"" + id + "\"")).toList();
            assertEquals(1, ofThisParty.size(), "one delivery of the update, whatever the number of nodes: " + ofThisParty);
            adminOnA.send("DELETE", "/webhooks/" + subscriptionId);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aModuleUninstalledThenInstalledThroughAFollowsOnB() {
        assertTrue(moduleOn(adminOnB, "forecasting") != null, "the distribution boots the forecasting module");
        Api.Answer uninstalled = adminOnA.post("/modules/forecasting/uninstall", "{}");
        assertTrue(uninstalled.status() == 200 || uninstalled.status() == 204, uninstalled.toString());
        eventually("forecasting gone from B", () -> moduleOn(adminOnB, "forecasting") == null ? true : null);

        Api.Answer installed = adminOnA.post("/modules/forecasting/install", "{}");
        assertEquals(200, installed.status(), installed.toString());
        JsonNode onB = eventually("forecasting installed again on B", () -> moduleOn(adminOnB, "forecasting"));
        assertEquals("INSTALLED", onB.path("desiredState").asText(), onB.toString());
        JsonNode nodes = eventually("both nodes INSTALLED in the module's node states", () -> {
            JsonNode module = moduleOn(adminOnA, "forecasting");
            long installedNodes = 0;
            for (JsonNode node : module == null ? Api.JSON.createArrayNode() : module.path("nodes")) {
                installedNodes += node.path("state").asText().equals("INSTALLED") ? 1 : 0;
            }
            return installedNodes == 2 ? module.path("nodes") : null;
        });
        assertEquals(2, nodes.size(), nodes.toString());
    }

    @Test
    void anSlaViolationFiresOnceWhenBothNodesSweepAtOnce() throws Exception {
        String token = Long.toString(System.nanoTime(), 36).toUpperCase();
        Api.Answer agents = adminOnA.get("/agents?limit=1");
        String agentId = agents.json().path("items").path(0).path("id").asText();
        assertTrue(!agentId.isEmpty(), agents.toString());
        String allDay = "[\"00:00-24:00\"]";
        Api.Answer calendar = adminOnA.put("/service/sla/calendars/ALWAYS-" + token, "{\"zone\":\"UTC\",\"hours\":{\"MONDAY\":" + allDay
                + ",\"TUESDAY\":" + allDay + ",\"WEDNESDAY\":" + allDay + ",\"THURSDAY\":" + allDay + ",\"FRIDAY\":" + allDay
                + ",\"SATURDAY\":" + allDay + ",\"SUNDAY\":" + allDay + "}}");
        assertEquals(200, calendar.status(), calendar.toString());
        String violated = "Violated " + token;
        Api.Answer policy = adminOnB.put("/service/sla/policies/CLUSTER-" + token, "{\"name\":\"Cluster\",\"subjectType\":\"SERVICE_REQUEST\","
                + "\"calendar\":\"ALWAYS-" + token + "\",\"position\":0,\"criteria\":{\"priority\":\"URGENT\",\"reason\":\"R-" + token + "\"},"
                + "\"milestones\":[{\"code\":\"RESOLUTION\",\"targetMinutes\":30,\"completeOnStatuses\":[\"RESOLVED\"],"
                + "\"violationActions\":[{\"type\":\"ACTIVITY\",\"activityType\":\"TASK\",\"subject\":\"" + violated + "\",\"assignee\":\"OWNER\"}]}]}");
        assertEquals(200, policy.status(), policy.toString());
        String customer = createParty(adminOnA, "Impatient");
        Api.Answer request = adminOnA.post("/service/requests", Api.map("partyId", customer, "summary", "Cluster SLA " + token,
                "priority", "URGENT", "reason", "R-" + token, "ownerId", agentId));
        assertEquals(201, request.status(), request.toString());
        String requestId = request.json().path("id").asText();
        assertEquals(1, request.json().path("milestones").size(), request.toString());

        for (Api node : List.of(adminOnA, adminOnB)) {
            Api.Answer moved = node.put("/service/sla/clock", "{\"offsetMinutes\":60}");
            assertEquals(200, moved.status(), moved.toString());
        }
        // both nodes sweep at the same moment: the deadline is claimed once
        java.util.concurrent.CompletableFuture<Api.Answer> onA = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> adminOnA.post("/service/sla/sweep", "{}"));
        java.util.concurrent.CompletableFuture<Api.Answer> onB = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> adminOnB.post("/service/sla/sweep", "{}"));
        int fired = 0;
        for (Api.Answer sweep : List.of(onA.get(), onB.get())) {
            assertEquals(200, sweep.status(), sweep.toString());
            fired += sweep.json().path("fired").asInt();
        }
        assertTrue(fired >= 1, "the due deadline fired");
        eventually("the milestone violated, seen on B",
                () -> adminOnB.get("/service/requests/" + requestId + "/milestones").json().path("items").path(0).path("violated").asBoolean()
                        ? true : null);
        // the actions a fired deadline owes are rows of sla_action_run until they ran: none left, none to come
        eventually("no SLA action still owed", () -> owedSlaActions() == 0 ? true : null);
        assertEquals(1, violationTasks(adminOnB, requestId, violated), "one task for one violation, though both nodes swept");
        for (Api node : List.of(adminOnA, adminOnB)) {
            node.put("/service/sla/clock", "{\"offsetMinutes\":0}");
        }
    }

    /** The SLA actions owed now by any node: fired deadlines whose actions have not run yet. */
    private long owedSlaActions() {
        try (Connection connection = postgres.getDatabase("postgres", "tessera").getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM sla_action_run");
                ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The activities linked to the request whose subject is {@code subject}. */
    private static int violationTasks(Api api, String requestId, String subject) {
        Api.Answer linked = api.get("/activities?link=service:request:" + requestId + "&limit=100");
        assertEquals(200, linked.status(), linked.toString());
        int count = 0;
        for (JsonNode activity : linked.json().path("items")) {
            count += activity.path("subject").asText().equals(subject) ? 1 : 0;
        }
        return count;
    }

    /** Last: it kills a node. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theImportJobOfAKilledNodeIsFinishedByTheOtherWithEveryRowOnce() throws Exception {
        int rows = 20_000;
        String batch = "kill-" + System.nanoTime();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            ndjson.append("{\"type\":\"PERSON\",\"firstName\":\"Killian\",\"lastName\":\"Row ").append(i)
                    .append("\",\"externalIds\":{\"").append(batch).append("\":\"").append(i).append("\"}}\n");
        }
        Api.Answer submitted = adminOnA.postRaw("/import-jobs?type=party", "application/x-ndjson", ndjson.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(202, submitted.status(), submitted.toString());
        String job = submitted.json().path("id").asText();

        // whichever node claimed it, once it has committed some rows and before it is done
        String[] claim = eventually("job " + job + " claimed and under way", () -> {
            String[] row = jobRow(job);
            return row != null && row[0] != null && "RUNNING".equals(row[1]) && Long.parseLong(row[2]) > 0 ? row : null;
        });
        Node running = claim[0].equals("node-a") ? a : b;
        Node survivor = running == a ? b : a;
        assertTrue(Long.parseLong(claim[2]) < rows, "the job ended before a node could be killed: " + String.join(",", claim));
        running.kill();

        Api survivorApi = Api.basic(survivor, "admin", "admin");
        JsonNode done = eventually("job " + job + " DONE on node " + survivor.name, () -> {
            JsonNode state = survivorApi.get("/import-jobs/" + job).json();
            return state.path("state").asText().equals("DONE") ? state : null;
        }, Duration.ofMinutes(5));
        assertEquals(rows, done.path("created").asInt(), "every row created once: " + done);
        assertEquals(0, done.path("rejected").asInt(), done.toString());
        try (Connection connection = postgres.getDatabase("postgres", "tessera").getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*), COUNT(DISTINCT external_id) FROM party_external_id WHERE source = ?")) {
            count.setString(1, batch);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                assertEquals(rows, result.getInt(1), "one party per line, none twice");
                assertEquals(rows, result.getInt(2));
            }
        }
    }

    /** {claimed_by, state, last_line} of an import job, read in the database; null before it exists. */
    private String[] jobRow(String job) {
        try (Connection connection = postgres.getDatabase("postgres", "tessera").getConnection();
                PreparedStatement read = connection.prepareStatement("SELECT claimed_by, state, last_line FROM import_job WHERE id = ?")) {
            read.setString(1, job);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? new String[] {row.getString(1), row.getString(2), Long.toString(row.getLong(3))} : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The module as {@code GET /v1/modules} on a node lists it (installed there), or null. */
    private static JsonNode moduleOn(Api api, String name) {
        Api.Answer modules = api.get("/modules");
        assertEquals(200, modules.status(), modules.toString());
        for (JsonNode module : modules.json().path("items")) {
            if (module.path("name").asText().equals(name)) {
                return module;
            }
        }
        return null;
    }

    private static String createParty(Api api, String lastName) {
        Api.Answer created = api.post("/parties", Api.map("type", "PERSON", "firstName", "Clara", "lastName", lastName + " " + System.nanoTime()));
        assertEquals(201, created.status(), created.toString());
        return created.json().path("id").asText();
    }

    /**
     * Waits until {@code probe} gives a non-null value; fails after {@link #PATIENCE}. The condition
     * lives in another process (a node's background work), which sends the test no notification:
     * a scheduler asks again every {@link #PROBE_EVERY} and completes a future when the answer
     * comes, and the test waits on that future.
     */
    static <T> T eventually(String what, Supplier<T> probe) {
        return eventually(what, probe, PATIENCE);
    }

    static <T> T eventually(String what, Supplier<T> probe, Duration patience) {
        CompletableFuture<T> seen = new CompletableFuture<>();
        ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();
        try {
            prober.scheduleWithFixedDelay(() -> {
                try {
                    T value = probe.get();
                    if (value != null) {
                        seen.complete(value);
                    }
                } catch (RuntimeException | AssertionError e) {
                    seen.completeExceptionally(e);
                }
            }, 0, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            return seen.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("not seen within " + patience + ": " + what);
        } catch (ExecutionException e) {
            return fail("while waiting for " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + what);
        } finally {
            prober.shutdownNow();
        }
    }
}
