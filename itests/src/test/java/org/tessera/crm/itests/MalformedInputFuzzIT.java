package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.tessera.crm.itests.fuzz.FuzzReport;
import org.tessera.crm.itests.fuzz.FuzzRequest;
import org.tessera.crm.itests.fuzz.MalformedRequests;
import org.tessera.crm.itests.fuzz.Operation;
import org.tessera.crm.itests.fuzz.OwnRecords;
import org.tessera.crm.itests.fuzz.RawHttp;

/**
 * Malformed requests for every operation of the served OpenAPI document (the core's and every
 * installed module's, so a module added later is fuzzed without a line here): no answer may be
 * a 5xx, every 4xx is a parseable {@code application/problem+json}, the server stays healthy and
 * its heap comes back after a GC. The seed is printed; {@code -Dtessera.fuzz.seed=N} replays a run.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MalformedInputFuzzIT {
    static final String SEED_PROPERTY = "tessera.fuzz.seed";
    static final String PER_OPERATION_PROPERTY = "tessera.fuzz.requestsPerOperation";
    static final String REPORT_PROPERTY = "tessera.fuzz.report";
    private static final long DEFAULT_SEED = 20_261_202L;
    private static final int DEFAULT_PER_OPERATION = 120;
    private static final int MIN_PER_OPERATION = 50;
    private static final int MIN_REQUESTS = 10_000;
    private static final int THREADS = 4;
    /** The first 1/5 of the requests warm the caches up before the heap is measured. */
    private static final int WARM_UP_SHARE = 5;
    /** Heap used after a GC may grow by this much over the remaining 4/5: caches settle, nothing more. */
    private static final long HEAP_MARGIN_BYTES = 64L << 20;

    private final Api admin = new Api();
    /** Why a collection has no own record, for the report. */
    private final List<String> notOwned = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Inject
    BundleContext context;

    @Before
    public void apiIsUp() throws InterruptedException {
        admin.awaitHealthy(60);
        // other suites swap modules in this shared container without refreshing: a module that
        // imports another optionally (forecasting needs sales) would answer 503 until rewired
        int paths = admin.get("/openapi.json").json().path("paths").size();
        ModuleBundles.refreshAll(context, 60);
        admin.awaitHealthy(60);
        Waits.awaitTrue(() -> admin.get("/openapi.json").json().path("paths").size() >= paths,
                "the " + paths + " paths of the document back after the refresh", 60);
        // and every module's services registered again (they come back one by one after their paths)
        Waits.awaitTrue(this::modulesSettled, "the modules' services back after the refresh", 60);
    }

    /** The module listing reads the same twice, a second apart: no service of a module is still coming up. */
    private boolean modulesSettled() {
        String first = withoutHeartbeats(admin.get("/v1/modules?limit=200").json());
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        return first.equals(withoutHeartbeats(admin.get("/v1/modules?limit=200").json()));
    }

    /**
     * The module listing without the times each node last reported (its heartbeat moves them every
     * few seconds, whatever the requests did).
     */
    private static String withoutHeartbeats(JsonNode modules) {
        for (JsonNode module : modules.path("items")) {
            for (JsonNode node : module.path("nodes")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(List.of("lastSeen", "observedAt"));
            }
        }
        return modules.toString();
    }

    /**
     * The path's application answers: anything but the runtime's own 404 for a path no application
     * serves ({@code about:blank}); a record the application does not find (such as the caller's own
     * forecast position, when they have none) is its answer.
     */
    private boolean served(String path) {
        Api.Response response = admin.get(path);
        if (response.status() != 404) {
            return true;
        }
        try {
            return "urn:tessera:problem:not-found".equals(response.json().path("type").asText());
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** Every application of the document serves its collections: a module still starting would answer 404 for a while. */
    private void awaitEveryApplication(List<Operation> operations) {
        List<String> collections = operations.stream()
                .filter(operation -> operation.method().equals("GET") && operation.parameters().isEmpty())
                .map(Operation::path).toList();
        Waits.awaitTrue(() -> collections.stream().allMatch(this::served),
                "every collection of " + collections + " is served", 60);
    }

    @Test
    public void noMalformedRequestGetsA5xxOrAnErrorThatIsNotAProblem() throws Exception {
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        int perOperation = Math.max(MIN_PER_OPERATION, Integer.getInteger(PER_OPERATION_PROPERTY, DEFAULT_PER_OPERATION));
        System.out.println("MalformedInputFuzzIT: seed " + seed + " (-D" + SEED_PROPERTY + "=" + seed + " replays it), "
                + perOperation + " requests per operation");
        JsonNode document = admin.get("/openapi.json").json();
        List<Operation> operations = Operation.of(document);
        assertTrue("the document lists a module's operations beside the core's: " + document.path("paths"),
                operations.stream().anyMatch(operation -> operation.path().startsWith("/v1/sales/")));
        awaitEveryApplication(operations);
        Map<String, String> configurationBefore = configuration(document);
        long heapAtStart = usedHeapAfterGc();

        Map<String, String> ownRecords = OwnRecords.create(operations, this::getJson, this::created, Fixtures.unique());
        int count = Math.max(perOperation, (MIN_REQUESTS + operations.size() - 1) / operations.size());
        List<FuzzRequest> requests = new ArrayList<>();
        for (Operation operation : operations) {
            requests.addAll(new MalformedRequests(operation, document, seed, ownRecords).generate(count));
        }
        Collections.shuffle(requests, new Random(seed)); // every kind of request early, and in any order
        long started = System.nanoTime();
        FuzzReport report = new FuzzReport();
        String token = adminToken();
        // the heap is measured after a first part has filled the caches that every kind of request fills
        int warmUp = requests.size() / WARM_UP_SHARE;
        run(requests.subList(0, warmUp), token, report);
        long heapBefore = usedHeapAfterGc();
        run(requests.subList(warmUp, requests.size()), token, report);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        long heapAfter = usedHeapAfterGc();
        String summary = "seed " + seed + ", " + operations.size() + " operations, " + count + " requests each, " + seconds
                + " s; heap after GC: " + (heapAtStart >> 20) + " MiB at start, " + (heapBefore >> 20) + " MiB after the first "
                + warmUp + " requests, " + (heapAfter >> 20) + " MiB at the end\nupdates fuzzed on own records too: " + ownRecords
                + "\nno own record: " + notOwned + "\n" + report.summary();
        summary += ServerLog.causesOf(summary);
        System.out.println(summary);
        writeReport(summary);

        assertEquals(requests.size(), report.requests());
        assertTrue("at least " + MIN_REQUESTS + " requests: " + report.requests(), report.requests() >= MIN_REQUESTS);
        assertEquals("the server answers its health check afterwards", 200, admin.get("/v1/health").status());
        assertEquals("roles, modules, custom fields and pipelines are as before: nothing generated may succeed there",
                configurationBefore, configuration(document));
        assertTrue("heap after GC grew from " + (heapBefore >> 20) + " to " + (heapAfter >> 20) + " MiB",
                heapAfter <= heapBefore + HEAP_MARGIN_BYTES);
        List<FuzzReport.FailureClass> failures = report.failures();
        assertTrue(failures.size() + " failure classes (seed " + seed + "):\n" + summary, failures.isEmpty());
    }

    private String adminToken() {
        String token = admin.sendBody("POST", "/v1/auth/token", "", Api.JSON, null).json().path("access_token").asText();
        assertTrue("the administrator gets a token", !token.isEmpty());
        return token;
    }

    private static void run(List<FuzzRequest> requests, String token, FuzzReport report) throws InterruptedException {
        RawHttp http = new RawHttp("localhost", Integer.getInteger(TesseraContainer.HTTP_PORT_PROPERTY));
        ExecutorService workers = Executors.newFixedThreadPool(THREADS);
        for (FuzzRequest request : requests) {
            workers.execute(() -> {
                Map<String, String> headers = new LinkedHashMap<>(request.headers());
                if (request.authenticated()) {
                    headers.put("Authorization", "Bearer " + token); // a bearer token: no password hashing per request
                }
                try {
                    if (request.currentTagOf() != null && !headers.containsKey("If-Match")) {
                        String tag = http.send("GET", (MalformedRequests.BASE + request.currentTagOf()).getBytes(StandardCharsets.UTF_8),
                                Map.of("Authorization", "Bearer " + token), null).headers().get("etag");
                        if (tag != null) {
                            headers.put("If-Match", tag);
                        }
                    }
                    report.record(request, http.send(request.method(), request.target(), headers, request.body()));
                } catch (IOException | RuntimeException noAnswer) {
                    report.recordNoAnswer(request, noAnswer);
                }
            });
        }
        workers.shutdown();
        assertTrue("the requests finish within 5 minutes", workers.awaitTermination(5, TimeUnit.MINUTES));
    }

    private JsonNode getJson(String path) {
        Api.Response response = admin.get(path);
        if (response.status() != 200) {
            notOwned.add("GET " + path + ": " + response);
        }
        return response.status() == 200 ? response.json() : null;
    }

    private JsonNode created(String path, JsonNode body) {
        Api.Response response = admin.post(path, body);
        if (response.status() != 201) {
            notOwned.add("POST " + path + " " + body + ": " + response);
        }
        return response.status() == 201 ? response.json() : null;
    }

    /** What a generated request must never change, as the API reports it. */
    private Map<String, String> configuration(JsonNode document) {
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : List.of("/v1/security/roles", "/v1/modules", "/v1/custom-fields", "/v1/sales/pipelines",
                "/v1/sales/price-lists")) {
            if (!document.path("paths").has(path)) {
                continue; // that module is not installed
            }
            Api.Response response = admin.get(path + "?limit=200");
            assertEquals(path + ": " + response, 200, response.status());
            state.put(path, path.equals("/v1/modules") ? withoutHeartbeats(response.json()) : response.json().toString());
        }
        return state;
    }

    /** Heap in use after a full GC, the lowest of a few readings (this test runs inside the server's JVM). */
    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            memory.gc();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            lowest = Math.min(lowest, memory.getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }

    private static void writeReport(String summary) throws IOException {
        String file = System.getProperty(REPORT_PROPERTY);
        if (file != null && !file.isEmpty()) {
            Files.writeString(Path.of(file), summary, StandardCharsets.UTF_8);
        }
    }
}
