package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

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
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Hot swap without harm: while a client keeps reading and writing parties and activities, each
 * module is uninstalled, reinstalled and updated {@value #DEFAULT_CYCLES} times (a soak passes more with
 * {@code -Dtessera.hotswap.cycles=N}), alternately through the
 * Karaf API and through the admin REST endpoint. The modules' tables must keep every row, no
 * bundle outside the swapped module may change state, and each module's endpoints must follow
 * within 3 s. Not one core request may fail meanwhile: each module serves its own JAX-RS
 * application, so the core's is never rebuilt by a swap. A module whose feature brings a web UI
 * bundle (manifest header {@code Tessera-UI}; sales has one) has its UI follow it too: listed in
 * {@code /v1/ui/extensions} and served within 3 s of each install and update, gone within 3 s of
 * each uninstall.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HotSwapIT {
    static final String CYCLES_PROPERTY = "tessera.hotswap.cycles";
    /** Each cycle swaps every module through Karaf or REST, alternately: eight cover both ways four times. */
    static final int DEFAULT_CYCLES = 8;
    private static final int CYCLES = Integer.getInteger(CYCLES_PROPERTY, DEFAULT_CYCLES);
    /**
     * Swapped in name order each cycle: forecasting (which needs sales) while sales is there. When
     * sales then leaves, forecasting stays and answers 503 (ForecastingIT asserts it); its next
     * swap installs it afresh against the sales of now.
     */
    static final Map<String, String> PROBES = Map.of(
            "sales", "/v1/sales/pipeline",
            "dealer", "/v1/dealer/vehicles?ownerPartyId=",
            "insurance", "/v1/insurance/policies?limit=1",
            "service", "/v1/service/statuses",
            "banking", "/v1/banking/offer-rules",
            "forecasting", "/v1/forecasting/periods",
            "marketing", "/v1/marketing/campaigns");
    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Inject
    FeaturesService features;
    @Inject
    BundleContext context;
    @Inject
    @Filter("(osgi.jndi.service.name=tessera)")
    DataSource dataSource;

    private final Api api = new Api();
    private final Fixtures fixtures = new Fixtures(api);
    /** A party the dealer probe lists the vehicles of: the probe answers 200 only when the module serves. */
    private String owner;
    /** Per module, the modules whose bundles import its packages (forecasting imports sales, sales marketing...). */
    private final Map<String, Set<String>> importers = new TreeMap<>();
    /** The swapped modules whose feature brings a UI bundle: their UI must follow them in and out. */
    private final Set<String> withUi = new TreeSet<>();

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void modulesInstalledWithData() throws Exception {
        api.awaitHealthy(60);
        features.addRepository(URI.create("mvn:org.tessera.crm.examples/org.tessera.crm.examples.dealer.features/"
                + System.getProperty("tessera.version", "0.1.0-SNAPSHOT") + "/xml/features"));
        owner = fixtures.createParty(Fixtures.person("Théo", "Garçon" + Fixtures.unique())).path("id").asText();
        rewireModules();
        for (String module : PROBES.keySet()) {
            features.installFeature("tessera-" + module, NO_REFRESH);
            Waits.awaitTrue(() -> serves(module), module + " serves", 30);
            for (Bundle bundle : context.getBundles()) {
                if (module.equals(bundle.getHeaders("").get("Tessera-Module")) && bundle.getHeaders("").get("Tessera-UI") != null) {
                    withUi.add(module);
                }
            }
        }
        for (String module : withUi) {
            Waits.awaitTrue(() -> uiListed(module), module + " UI listed", 3);
        }
        importers.putAll(ModuleBundles.importers(context));
        String vehicleOwner = fixtures.createParty(Fixtures.person("Théo", "Garçon" + Fixtures.unique())).path("id").asText();
        api.post("/v1/dealer/vehicles", Api.object().put("vin", "VF1HOTSWAP" + Fixtures.unique().substring(0, 7).toUpperCase()
                .replace('I', 'J').replace('O', 'P').replace('Q', 'R')).put("make", "Dacia").put("model", "Spring").put("ownerPartyId", vehicleOwner));
        // forecasting rows whose survival the swaps must keep (its periods of a far fiscal year)
        assertEquals(200, api.post("/v1/forecasting/periods", Api.object().put("fiscalYear", 2050)).status());
        // marketing's rows that must survive its swaps: a campaign with a member
        String campaign = api.post("/v1/marketing/campaigns", Api.object().put("name", "Hot swap " + Fixtures.unique()).put("type", "PHONE"))
                .json().path("id").asText();
        api.post("/v1/marketing/campaigns/" + campaign + "/members", Api.object().put("partyId", vehicleOwner));
    }

    /**
     * Other suites of this shared container update modules (ModulesApiIT): the modules that import
     * another optionally (forecasting and banking import sales, sales imports marketing) may still
     * be wired to an earlier version of it. One refresh of the modules' bundles, as an operator does
     * after such operations, starts the swaps from a consistent wiring.
     */
    private void rewireModules() throws InterruptedException {
        ModuleBundles.refresh(context, PROBES.keySet(), 60);
    }

    @Test
    public void swappingModulesLosesNoDataFailsNoCoreRequestAndDisturbsNoOtherBundle() throws Exception {
        Map<String, String> before = checksums();
        List<String> disturbed = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread client = new Thread(() -> keepUsingTheCore(running, requests, failures), "core-client");
        Map<String, List<Long>> timings = new TreeMap<>();
        String[] swapping = new String[1];
        SynchronousBundleListener watcher = event -> {
            String module = event.getBundle().getHeaders("").get("Tessera-Module");
            String name = event.getBundle().getSymbolicName();
            // a module that imports the swapped one's API is rewired to its new revision by an install or
            // an update through the module manager: it depends on it; every other bundle must stay still
            boolean swapped = swapping[0] != null && (swapping[0].equals(module)
                    || importers.getOrDefault(swapping[0], Set.of()).contains(module));
            boolean probe = name != null && name.startsWith("PAXEXAM");
            if (!swapped && !probe && event.getType() != BundleEvent.RESOLVED) {
                disturbed.add(name + " event " + event.getType() + " while swapping " + swapping[0]);
            }
        };
        context.addBundleListener(watcher);
        client.start();
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                boolean throughRest = cycle % 2 == 0;
                for (String module : new TreeMap<>(PROBES).keySet()) {
                    swapping[0] = module;
                    time(timings, module + " uninstall", () -> uninstall(module, throughRest));
                    time(timings, module + " install", () -> install(module, throughRest));
                    time(timings, module + " update", () -> update(module, throughRest));
                }
                swapping[0] = null;
            }
        } finally {
            running.set(false);
            client.join(TimeUnit.SECONDS.toMillis(30));
            context.removeBundleListener(watcher);
            rewireModules(); // the suites after this one find the modules wired to each other as at boot
            for (String module : PROBES.keySet()) { // and serving again after that refresh
                Waits.awaitTrue(() -> serves(module), module + " serves after the last refresh", 60);
            }
        }
        report(timings, requests.get(), failures);
        System.out.println("Module UIs that followed their modules: " + (withUi.isEmpty() ? "none (no swapped module has a UI bundle)" : withUi));
        System.out.println("Modules rewired with the modules they import: " + importers);
        assertTrue("the client kept working", requests.get() > CYCLES);
        assertTrue(failures.size() + " core requests failed during the swaps, first ones: "
                + failures.subList(0, Math.min(5, failures.size())), failures.isEmpty());
        assertTrue("bundles outside the swapped module changed state: " + disturbed, disturbed.isEmpty());
        assertEquals("module tables whose rows changed (before -> after)", Map.of(), changedTables(before, checksums()));
    }

    /** The tables whose checksum differs, each with its checksum before and after: a readable failure. */
    private static Map<String, String> changedTables(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new TreeMap<>();
        for (String table : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            if (!java.util.Objects.equals(before.get(table), after.get(table))) {
                changed.put(table, before.get(table) + " -> " + after.get(table));
            }
        }
        return changed;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private void install(String module, boolean throughRest) throws Exception {
        if (throughRest) {
            Api.Response response = api.sendBody("POST", "/v1/modules/" + module + "/install", "", Api.JSON, null);
            assertEquals(response.toString(), 200, response.status());
        } else {
            features.installFeature("tessera-" + module, NO_REFRESH);
        }
        Waits.awaitTrue(() -> serves(module), module + " serves after install", 3);
        if (withUi.contains(module)) {
            Waits.awaitTrue(() -> uiListed(module), module + " UI listed and served after install", 3);
        }
    }

    private void uninstall(String module, boolean throughRest) throws Exception {
        if (throughRest) {
            Api.Response response = api.sendBody("POST", "/v1/modules/" + module + "/uninstall", "", Api.JSON, null);
            assertEquals(response.toString(), 204, response.status());
        } else {
            features.uninstallFeature("tessera-" + module, NO_REFRESH);
        }
        Waits.awaitTrue(() -> gone(module), module + " gone after uninstall", 3);
        if (withUi.contains(module)) {
            Waits.awaitTrue(() -> uiGone(module), module + " UI gone after uninstall", 3);
        }
    }

    /** A new build of the module's bundles, in place (the same build here: the lifecycle is what is tested). */
    private void update(String module, boolean throughRest) throws Exception {
        if (throughRest) {
            Api.Response response = api.post("/v1/modules/" + module + "/update", Api.object());
            assertEquals(response.toString(), 200, response.status());
        } else {
            for (Bundle bundle : context.getBundles()) {
                if (module.equals(bundle.getHeaders("").get("Tessera-Module"))) {
                    bundle.update();
                }
            }
        }
        Waits.awaitTrue(() -> serves(module), module + " serves after update", 3);
        if (withUi.contains(module)) {
            Waits.awaitTrue(() -> uiListed(module), module + " UI listed and served after update", 3);
        }
    }

    /** The module's UI is listed in {@code /v1/ui/extensions} and its entry is served. */
    private boolean uiListed(String module) {
        for (JsonNode item : api.get("/v1/ui/extensions").json().path("items")) {
            if (module.equals(item.path("module").asText())) {
                return api.get(server() + item.path("entry").asText()).status() == 200;
            }
        }
        return false;
    }

    /** The module's UI is neither listed nor served. */
    private boolean uiGone(String module) {
        for (JsonNode item : api.get("/v1/ui/extensions").json().path("items")) {
            if (module.equals(item.path("module").asText())) {
                return false;
            }
        }
        return api.get(server() + "/tessera/ui/" + module + "/tessera-ui.json").status() == 404;
    }

    private static String server() {
        return "http://localhost:" + System.getProperty(TesseraContainer.HTTP_PORT_PROPERTY);
    }

    /** Whether a resource of the module answers: a path no resource serves gets {@code about:blank}. */
    private String probe(String module) {
        String path = PROBES.get(module);
        return path.endsWith("=") ? path + owner : path;
    }

    /** The module's probe answers 200: a 404 (gone), a 500 or a 503 (half there) is not serving. */
    private boolean serves(String module) {
        return api.get(probe(module)).status() == 200;
    }

    /** The module's probe is no resource any more: the runtime's 404, not a 500 nor a record's 404. */
    private boolean gone(String module) {
        Api.Response response = api.get(probe(module));
        return response.status() == 404 && "about:blank".equals(response.json().path("type").asText("about:blank"));
    }

    private void keepUsingTheCore(AtomicBoolean running, AtomicInteger requests, List<String> failures) {
        Api client = new Api();
        while (running.get()) {
            try {
                Api.Response created = client.post("/v1/parties", Fixtures.person("Loïc", "Ménard" + Fixtures.unique()));
                check(created, 201, failures);
                String id = created.json().path("id").asText();
                check(client.get("/v1/parties/" + id), 200, failures);
                check(client.patch("/v1/parties/" + id, Api.object().put("jobTitle", "Client fidèle"), "\"1\""), 200, failures);
                var activity = Api.object().put("type", "NOTE").put("subject", "Pendant la mise à jour").put("status", "DONE");
                activity.putArray("participants").add(id);
                check(client.post("/v1/activities", activity), 201, failures);
                check(client.get("/v1/parties/" + id + "/timeline"), 200, failures);
                check(client.get("/v1/parties?limit=20&q=menard"), 200, failures);
                requests.addAndGet(6);
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
        }
    }

    private static void check(Api.Response response, int expected, List<String> failures) {
        if (response.status() != expected) {
            failures.add(response.toString());
        }
    }

    /** Row count and a digest of every row of every table the modules' migrations created. */
    private Map<String, String> checksums() throws Exception {
        Map<String, String> checksums = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT object_name FROM tessera_module_object"
                    + " WHERE object_type = 'TABLE' AND module_name IN ('sales', 'dealer', 'insurance', 'service', 'banking', 'forecasting', 'marketing')")) {
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            assertTrue("module tables found: " + tables, tables.size() >= 2);
            for (String table : tables) {
                // rows sorted here, not by the query: a first column with ties would let the scan order vary
                List<String> lines = new ArrayList<>();
                try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            line.append(text(rows.getObject(column))).append('\u0000');
                        }
                        lines.add(line.toString());
                    }
                }
                java.util.Collections.sort(lines);
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                lines.forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
                checksums.put(table, lines.size() + " rows " + HexFormat.of().formatHex(digest.digest()).substring(0, 16));
            }
        }
        return checksums;
    }

    /** A column's value as text: large objects by their content (their own toString is an identity). */
    private static String text(Object value) throws SQLException {
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return String.valueOf(value);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void time(Map<String, List<Long>> timings, String what, Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        timings.computeIfAbsent(what, key -> new ArrayList<>()).add((System.nanoTime() - started) / 1_000_000);
    }

    /** Median and maximum of each operation, until the module serves (or stops serving) again. */
    private static void report(Map<String, List<Long>> timings, int requests, List<String> failures) {
        StringBuilder report = new StringBuilder("Hot swap, " + CYCLES + " cycles, " + requests + " core requests meanwhile, "
                + failures.size() + " failed:\n");
        timings.forEach((what, millis) -> {
            List<Long> sorted = new ArrayList<>(millis);
            sorted.sort(Long::compare);
            report.append(String.format("  %-18s median %5d ms   max %5d ms%n", what, sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1)));
        });
        System.out.print(report);
    }
}
