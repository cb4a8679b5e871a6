package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

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
import org.osgi.framework.Constants;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.timeline.TimelineService;

/** The distribution's runtime state: bundles, exports, services, the JAX-RS application, the database. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CoreRuntimeIT {

    @Inject
    BundleContext context;
    @Inject
    PartyService parties;
    @Inject
    ActivityService activities;
    @Inject
    OrgService org;
    @Inject
    CustomFieldService customFields;
    @Inject
    TimelineService timeline;
    @Inject
    JaxrsServiceRuntime jaxrsRuntime;

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        new Api().awaitHealthy(60);
    }

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
    }

    @Test
    public void tesseraBundlesExportOnlyApiPackages() {
        List<String> tessera = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith("org.tessera.crm")) {
                continue;
            }
            tessera.add(name);
            String exports = bundle.getHeaders().get(Constants.EXPORT_PACKAGE);
            if (exports != null) {
                for (String clause : exports.split(",(?=[a-z])")) {
                    String pkg = clause.split(";")[0].trim();
                    assertFalse(name + " exports " + pkg, pkg.contains(".impl") || pkg.contains(".internal"));
                    assertTrue(name + " exports non-API " + pkg, pkg.contains(".api"));
                }
            }
            assertEquals(name + " uses Require-Bundle", null, bundle.getHeaders().get(Constants.REQUIRE_BUNDLE));
            assertEquals(name + " uses DynamicImport-Package", null,
                    bundle.getHeaders().get(Constants.DYNAMICIMPORT_PACKAGE));
        }
        assertTrue(tessera.toString(), tessera.containsAll(List.of("org.tessera.crm.core.api",
                "org.tessera.crm.core.impl", "org.tessera.crm.core.rest", "org.tessera.crm.core.demo")));
    }

    @Test
    public void coreServicesAreRegistered() {
        assertNotNull(parties);
        assertNotNull(activities);
        assertNotNull(org);
        assertNotNull(customFields);
        assertNotNull(timeline);
        assertTrue("seeded root org unit", org.findOrgUnitByCode("HQ").isPresent());
    }

    @Test
    public void oneTesseraApplicationServesEveryResourceWithoutFailures() {
        RuntimeDTO runtime = jaxrsRuntime.getRuntimeDTO();
        ApplicationDTO tessera = Arrays.stream(runtime.applicationDTOs)
                .filter(app -> "tessera".equals(app.name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tessera application"));
        assertEquals("tessera/api", tessera.base.replaceFirst("^/", ""));
        assertTrue("resources registered", tessera.resourceDTOs.length >= 5);
        assertEquals("failed applications", 0, runtime.failedApplicationDTOs.length);
        assertEquals("failed resources " + Arrays.toString(runtime.failedResourceDTOs), 0, runtime.failedResourceDTOs.length);
        assertEquals("failed extensions " + Arrays.toString(runtime.failedExtensionDTOs), 0, runtime.failedExtensionDTOs.length);
    }

    @Test
    public void embeddedDerbyLivesUnderData() {
        File database = new File(System.getProperty("karaf.data"), "tessera/db");
        assertTrue(database + " exists", database.isDirectory());
    }

    @Test
    public void openApiDocumentDescribesTheApi() {
        Api.Response response = new Api().get("/openapi.json");
        assertEquals(response.toString(), 200, response.status());
        assertTrue(response.json().path("openapi").asText().startsWith("3."));
        assertTrue(response.json().path("paths").has("/v1/parties"));
        assertTrue(response.json().path("paths").has("/v1/parties/{id}"));
        assertTrue(response.json().path("paths").has("/v1/activities"));
    }
}
