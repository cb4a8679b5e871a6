package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.person;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertNamesField;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * The ISV example pack, deployed the way an integrator does it: its feature repository added to
 * the running distribution, its feature installed, used over REST, removed and installed again,
 * its data intact and no other bundle disturbed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DealerExampleIT {
    private static final String FEATURE = "tessera-dealer";
    private static final String BUNDLE_PREFIX = "org.tessera.crm.examples.dealer";
    private static final EnumSet<FeaturesService.Option> PLAIN = EnumSet.noneOf(FeaturesService.Option.class);

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
    public void apiIsUp() throws Exception {
        api.awaitHealthy(60);
        String version = System.getProperty("tessera.version", "0.1.0-SNAPSHOT");
        features.addRepository(URI.create("mvn:org.tessera.crm.examples/org.tessera.crm.examples.dealer.features/"
                + version + "/xml/features"));
    }

    @Test
    public void packInstallsServesSurvivesUninstallAndComesBackWithItsData() throws Exception {
        List<String> disturbed = new CopyOnWriteArrayList<>();
        SynchronousBundleListener watcher = watchOtherBundles(disturbed);
        try {
            install();
            JsonNode driver = fixtures.createParty(person("Maël", "Deschênes" + unique()).put("birthDate", "1990-02-03"));
            String partyId = driver.path("id").asText();
            String vin = randomVin();
            ObjectNode draft = Api.object().put("vin", vin.toLowerCase(Locale.ROOT)).put("make", "Renault").put("model", "Mégane")
                    .put("modelYear", 2022).put("ownerPartyId", partyId).put("purchasedOn", "2023-05-12");
            Api.Response created = api.post("/v1/dealer/vehicles", draft);
            assertEquals(created.toString(), 201, created.status());
            String vehicleId = created.json().path("id").asText();
            assertEquals(vin, created.json().path("vin").asText());
            JsonNode audited = api.get("/v1/audit?entityType=VEHICLE&entityId=" + vehicleId).json().path("items");
            assertEquals("the pack audits its writes in the core's trail: " + audited, "CREATE", audited.path(0).path("action").asText());
            assertProblem(api.post("/v1/dealer/vehicles", draft), 409);
            assertNamesField(api.post("/v1/dealer/vehicles", draft.deepCopy().put("vin", "IOQ")), 422, "vin");

            Api.Response drive = api.post("/v1/dealer/vehicles/" + vehicleId + "/test-drives", Api.object()
                    .put("partyId", partyId).put("startAt", "2026-11-20T14:00:00Z").put("endAt", "2026-11-20T14:30:00Z")
                    .put("outcome", "MEETING_SET").put("notes", "Très intéressé par la version hybride"));
            assertEquals(drive.toString(), 201, drive.status());
            assertEquals("TEST_DRIVE", drive.json().path("type").asText());
            assertTrue(drive.header("Location"), drive.header("Location").endsWith("/tessera/api/v1/activities/" + drive.json().path("id").asText()));

            List<String> timeline = timelineIds(partyId);
            assertTrue(timeline.toString(), timeline.contains("dealer:vehicle:" + vehicleId));
            assertTrue(timeline.toString(), timeline.contains("core:activity:" + drive.json().path("id").asText()));

            // the pack's validator runs on core party writes while the pack is installed
            ObjectNode tooEarly = Api.object();
            tooEarly.putObject("customFields").put("drivingLicenseDate", "1995-01-01");
            assertNamesField(api.patch("/v1/parties/" + partyId, tooEarly, null), 422, "customFields.drivingLicenseDate");

            uninstall();
            assertProblem(api.get("/v1/dealer/vehicles/" + vehicleId), 404);
            List<String> without = timelineIds(partyId);
            assertFalse(without.toString(), without.contains("dealer:vehicle:" + vehicleId));
            assertTrue("the core's activity stays", without.contains("core:activity:" + drive.json().path("id").asText()));
            assertEquals(200, api.patch("/v1/parties/" + partyId, tooEarly, null).status());

            install();
            Api.Response back = api.get("/v1/dealer/vehicles/" + vehicleId);
            assertEquals(back.toString(), 200, back.status());
            assertEquals(vin, back.json().path("vin").asText());
            assertEquals(1, api.get("/v1/dealer/vehicles?ownerPartyId=" + partyId).json().path("items").size());

            // the owner of a vehicle is not deleted from under it; the vehicle takes If-Match
            JsonNode refused = assertProblem(api.delete("/v1/parties/" + partyId), 409);
            assertEquals(refused.toString(), "dealer", refused.path("dependents").path(0).path("module").asText());
            assertEquals(vehicleId, refused.path("dependents").path(0).path("ids").path(0).asText());
            assertNamesField(api.delete("/v1/dealer/vehicles/" + vehicleId, "\"99\""), 412, "If-Match");
            assertEquals(204, api.delete("/v1/dealer/vehicles/" + vehicleId, back.header("ETag")).status());
            assertEquals(204, api.delete("/v1/parties/" + partyId).status());
        } finally {
            context.removeBundleListener(watcher);
            if (features.isInstalled(features.getFeature(FEATURE))) {
                features.uninstallFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            }
        }
        assertTrue("bundles outside the pack changed state: " + disturbed, disturbed.isEmpty());
    }

    /**
     * The pack takes part in the core's party merge (its vehicles follow the victim to the survivor
     * and come back on undo) and in the personal data of a person (exported, and the registration
     * plate erased while the vehicle stays in the stock history).
     */
    @Test
    public void vehiclesFollowAMergeAndItsUndoAndTheirPlateIsErasedWithTheOwner() throws Exception {
        try {
            install();
            String survivor = fixtures.createParty(person("Loïc", "Survivant" + unique())).path("id").asText();
            String victim = fixtures.createParty(person("Loic", "Victime" + unique())).path("id").asText();
            String survivorsCar = vehicle(survivor, null);
            String victimsCar = vehicle(victim, "GH-" + (100 + ThreadLocalRandom.current().nextInt(900)) + "-JK");

            ObjectNode request = Api.object();
            request.putArray("victims").add(victim);
            Api.Response merged = api.post("/v1/parties/" + survivor + "/merge", request);
            assertEquals(merged.toString(), 200, merged.status());
            assertTrue(merged.toString(), merged.json().toString().contains("\"dealer\""));
            assertEquals(survivor, api.get("/v1/dealer/vehicles/" + victimsCar).json().path("ownerPartyId").asText());
            assertEquals(survivor, api.get("/v1/dealer/vehicles/" + survivorsCar).json().path("ownerPartyId").asText());

            Api.Response undone = api.post("/v1/merges/" + merged.json().path("id").asText() + ":undo", Api.object());
            assertEquals(undone.toString(), 200, undone.status());
            assertEquals(victim, api.get("/v1/dealer/vehicles/" + victimsCar).json().path("ownerPartyId").asText());

            Api.Response export = api.get("/v1/parties/" + victim + "/personal-data");
            assertEquals(export.toString(), 200, export.status());
            JsonNode dealer = null;
            for (JsonNode section : export.json().path("modules")) {
                if ("dealer".equals(section.path("module").asText())) {
                    dealer = section;
                }
            }
            assertTrue("the pack's section is in the export: " + export, dealer != null && dealer.toString().contains(victimsCar));

            Api.Response erased = api.post("/v1/parties/" + victim + "/erase", Api.object().put("confirm", victim));
            assertEquals(erased.toString(), 200, erased.status());
            JsonNode car = api.get("/v1/dealer/vehicles/" + victimsCar).json();
            assertTrue("the plate is erased: " + car, car.path("registration").isMissingNode() || car.path("registration").isNull());
            assertFalse("the vehicle stays in the stock history", car.path("vin").asText().isEmpty());
        } finally {
            if (features.isInstalled(features.getFeature(FEATURE))) {
                features.uninstallFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            }
        }
    }

    private String vehicle(String ownerPartyId, String registration) {
        ObjectNode draft = Api.object().put("vin", randomVin()).put("make", "Peugeot").put("model", "208").put("modelYear", 2021)
                .put("ownerPartyId", ownerPartyId);
        if (registration != null) {
            draft.put("registration", registration);
        }
        Api.Response created = api.post("/v1/dealer/vehicles", draft);
        assertEquals(created.toString(), 201, created.status());
        return created.json().path("id").asText();
    }

    /**
     * Version 2 of the implementation bundle adds the manufacturer code: its migration adds the
     * column and fills it for the vehicles version 1 stored, and its code keeps it for new ones.
     */
    @Test
    public void updateToVersion2MigratesTheVehiclesVersion1Stored() throws Exception {
        List<String> disturbed = new CopyOnWriteArrayList<>();
        SynchronousBundleListener watcher = watchOtherBundles(disturbed);
        try {
            install();
            String partyId = fixtures.createParty(person("Ysé", "Kerbrat" + unique())).path("id").asText();
            String vin = randomVin();
            Api.Response created = api.post("/v1/dealer/vehicles", Api.object().put("vin", vin).put("make", "Renault")
                    .put("model", "Clio").put("ownerPartyId", partyId));
            assertEquals(created.toString(), 201, created.status());
            String vehicleId = created.json().path("id").asText();
            assertTrue("version 1 has no manufacturer code", created.json().path("manufacturerCode").isNull()
                    || created.json().path("manufacturerCode").isMissingNode());
            long version = created.json().path("version").asLong();

            Bundle impl = Arrays.stream(context.getBundles())
                    .filter(bundle -> (BUNDLE_PREFIX + ".impl").equals(bundle.getSymbolicName())).findFirst().orElseThrow();
            try (InputStream v2 = new FileInputStream(System.getProperty(TesseraContainer.DEALER_V2_PROPERTY))) {
                impl.update(v2);
            }
            assertEquals("0.2.0", impl.getVersion().toString().substring(0, 5));
            Waits.awaitTrue(this::packServes, "version 2 endpoints", 3);

            Api.Response migrated = api.get("/v1/dealer/vehicles/" + vehicleId);
            assertEquals(migrated.toString(), 200, migrated.status());
            assertEquals("the migration filled the new column", "VF1", migrated.json().path("manufacturerCode").asText());
            assertEquals("the migration changed nothing else", vin, migrated.json().path("vin").asText());
            assertEquals(version, migrated.json().path("version").asLong());
            Api.Response written = api.post("/v1/dealer/vehicles", Api.object().put("vin", "wdb" + randomVin().substring(3))
                    .put("make", "Mercedes-Benz").put("model", "Classe A").put("ownerPartyId", partyId));
            assertEquals(written.toString(), 201, written.status());
            assertEquals("version 2 keeps the code for new vehicles", "WDB", written.json().path("manufacturerCode").asText());

            JsonNode module = api.get("/v1/modules/dealer").json();
            assertTrue(module.toString(), module.path("version").asText().startsWith("0.2.0"));
            assertTrue(module.toString(), module.path("schemaVersion").asText().contains("002"));
        } finally {
            context.removeBundleListener(watcher);
            if (features.isInstalled(features.getFeature(FEATURE))) {
                // back to version 1 for the next tests: uninstalling removes the updated bundle
                features.uninstallFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            }
        }
        assertTrue("bundles outside the pack changed state: " + disturbed, disturbed.isEmpty());
    }

    /** Records the bundle events of bundles outside the pack (and the test probe). */
    private SynchronousBundleListener watchOtherBundles(List<String> disturbed) {
        SynchronousBundleListener watcher = event -> {
            String name = event.getBundle().getSymbolicName();
            boolean ours = name != null && name.startsWith(BUNDLE_PREFIX);
            boolean probe = name != null && name.startsWith("PAXEXAM");
            if (!ours && !probe && event.getType() != BundleEvent.RESOLVED) {
                disturbed.add(name + " " + event.getType());
            }
        };
        context.addBundleListener(watcher);
        return watcher;
    }

    private void install() throws Exception {
        // a plain install, as an integrator types it: the distribution's autoRefresh=false is what
        // keeps every other bundle untouched (the watcher of each test fails on any of their events)
        features.installFeature(FEATURE, PLAIN);
        Waits.awaitTrue(this::packServes, "pack endpoints", 30);
    }

    private void uninstall() throws Exception {
        features.uninstallFeature(FEATURE, PLAIN);
        Waits.awaitTrue(() -> !packServes(), "pack endpoints gone", 30);
    }

    /**
     * Whether the pack's resource answers: for an unknown owner it says the party is not found,
     * whereas a path no resource serves gets a plain HTTP problem ({@code about:blank}).
     */
    private boolean packServes() {
        Api.Response response = api.get("/v1/dealer/vehicles?ownerPartyId=0");
        return !"about:blank".equals(response.json().path("type").asText("about:blank"));
    }

    private List<String> timelineIds(String partyId) {
        List<String> ids = new ArrayList<>();
        api.get("/v1/parties/" + partyId + "/timeline?limit=200").json().path("items").forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }

    private static String randomVin() {
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        StringBuilder vin = new StringBuilder("VF1");
        while (vin.length() < 17) {
            vin.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return vin.toString();
    }
}
