package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * The sales module's guarantees: it leaves and comes back in the running distribution without
 * refreshing any other bundle; while it is away the core serves fully and /v1/sales answers 404;
 * its tables and rows survive and are found again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SalesLifecycleIT {
    private static final String FEATURE = "tessera-sales";
    private static final String BUNDLE_PREFIX = "org.tessera.crm.sales.";

    @Inject
    FeaturesService features;
    @Inject
    BundleContext context;

    private final Api api = new Api();
    private final Fixtures fixtures = new Fixtures(api);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void salesIsUp() throws Exception {
        api.awaitHealthy(60);
        assertTrue("the distribution boots with sales", features.isInstalled(features.getFeature(FEATURE)));
        Waits.awaitTrue(this::salesServes, "sales endpoints", 15);
    }

    @Test
    public void uninstallAndReinstallKeepDataAndDisturbNothingElse() throws Exception {
        String accountId = fixtures.createParty(Api.object().put("type", "ORGANIZATION").put("legalName", "Coopérative " + unique()))
                .path("id").asText();
        Api.Response opportunity = api.post("/v1/sales/opportunities", Api.object().put("accountId", accountId)
                .put("name", "Silos").put("amount", 12000).put("currency", "EUR"));
        assertEquals(opportunity.toString(), 201, opportunity.status());
        String opportunityId = opportunity.json().path("id").asText();
        assertTrue(timelineIds(accountId).contains("sales:opportunity:" + opportunityId));
        assertTrue("the OpenAPI document describes the sales paths", openApiHasSalesPaths());

        Map<Long, String> before = otherBundles();
        List<String> disturbed = new CopyOnWriteArrayList<>();
        SynchronousBundleListener watcher = event -> {
            String name = event.getBundle().getSymbolicName();
            boolean ours = name != null && name.startsWith(BUNDLE_PREFIX);
            boolean probe = name != null && name.startsWith("PAXEXAM");
            if (!ours && !probe && event.getType() != BundleEvent.RESOLVED) {
                disturbed.add(name + " " + event.getType());
            }
        };
        context.addBundleListener(watcher);
        try {
            features.uninstallFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            Waits.awaitTrue(() -> !salesServes(), "sales endpoints gone", 15);
            assertTrue(installedSalesBundles().isEmpty());

            assertProblem(api.get("/v1/sales/opportunities/" + opportunityId), 404);
            assertProblem(api.get("/v1/sales/pipeline"), 404);
            assertFalse(timelineIds(accountId).contains("sales:opportunity:" + opportunityId));
            assertFalse("the sales paths leave the OpenAPI document", openApiHasSalesPaths());
            JsonNode party = fixtures.createParty(Fixtures.person("Léa", "Sans-Ventes " + unique()));
            assertEquals(200, api.patch("/v1/parties/" + party.path("id").asText(), Api.object().put("jobTitle", "Gérante"), null).status());
            assertEquals(200, api.get("/v1/parties/" + party.path("id").asText() + "/timeline").status());

            features.installFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            Waits.awaitTrue(this::salesServes, "sales endpoints back", 15);
            // each resource joins the application on its own: wait for the ones read below, not only the first
            Waits.awaitTrue(() -> api.get("/v1/sales/opportunities/" + opportunityId).status() == 200
                    && api.get("/v1/sales/opportunities/" + opportunityId + "/history").status() == 200, "the opportunity's resources back", 15);
            Api.Response back = api.get("/v1/sales/opportunities/" + opportunityId);
            assertEquals(back.toString(), 200, back.status());
            assertEquals("Silos", back.json().path("name").asText());
            assertEquals(1, api.get("/v1/sales/opportunities/" + opportunityId + "/history").json().path("items").size());
            Waits.awaitTrue(() -> timelineIds(accountId).contains("sales:opportunity:" + opportunityId), "the opportunity back in the timeline", 15);
        } finally {
            context.removeBundleListener(watcher);
            if (!features.isInstalled(features.getFeature(FEATURE))) {
                features.installFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            }
        }
        assertTrue("bundles outside the sales feature changed state: " + disturbed, disturbed.isEmpty());
        assertEquals("ids, states and last-modified of the other bundles", before, otherBundles());
    }

    /** Whether the sales resources answer (a path no resource serves gets a plain about:blank 404). */
    private boolean salesServes() {
        return api.get("/v1/sales/pipelines").status() == 200;
    }

    private boolean openApiHasSalesPaths() {
        return api.get("/openapi.json").json().path("paths").has("/v1/sales/opportunities/{id}/history");
    }

    private List<Bundle> installedSalesBundles() {
        List<Bundle> sales = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith(BUNDLE_PREFIX)) {
                sales.add(b);
            }
        }
        return sales;
    }

    private Map<Long, String> otherBundles() {
        Map<Long, String> snapshot = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name != null && !name.startsWith(BUNDLE_PREFIX) && !name.startsWith("PAXEXAM")) {
                snapshot.put(b.getBundleId(), name + " state=" + b.getState() + " modified=" + b.getLastModified());
            }
        }
        return snapshot;
    }

    private List<String> timelineIds(String partyId) {
        List<String> ids = new ArrayList<>();
        api.get("/v1/parties/" + partyId + "/timeline?limit=200").json().path("items").forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }
}
