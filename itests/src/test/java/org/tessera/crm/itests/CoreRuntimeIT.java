package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.schema.SchemaMigrations;
import org.tessera.crm.core.api.schema.SchemaReady;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.timeline.TimelineService;
import org.tessera.crm.core.kit.jpa.Tx;

/** The distribution's runtime state: bundles, exports, services, the JAX-RS application, the database. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CoreRuntimeIT {

    @Inject
    BundleContext context;
    @Inject
    PartyService parties;
    @Inject
    CallerContext callers;
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
            // the exported packages as the framework read them (a uses:="a,b" clause holds commas too)
            for (BundleCapability export : bundle.adapt(BundleRevision.class).getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                String pkg = (String) export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                assertFalse(name + " exports " + pkg, pkg.contains(".impl") || pkg.contains(".internal"));
                // API packages, and the module kit every module builds on (org.tessera.crm.core.kit.*)
                assertTrue(name + " exports non-API " + pkg, pkg.contains(".api") || pkg.startsWith("org.tessera.crm.core.kit"));
            }
            // modules meet only through exported API packages and services: neither wiring shortcut is allowed
            for (String forbidden : List.of(Constants.REQUIRE_BUNDLE, Constants.DYNAMICIMPORT_PACKAGE)) {
                assertEquals(name + " declares " + forbidden, null, bundle.getHeaders().get(forbidden));
            }
        }
        assertTrue(tessera.toString(), tessera.containsAll(List.of("org.tessera.crm.core.api",
                "org.tessera.crm.core.kit", "org.tessera.crm.core.impl", "org.tessera.crm.core.rest", "org.tessera.crm.core.demo")));
    }

    @Test
    public void theSchemaExtenderAnnouncesEachModuleSchemaOnBehalfOfTheBundleThatNamesIt() {
        Waits.awaitTrue(() -> schemaReady("sales") != null, "the sales schema", 30);
        ServiceReference<SchemaMigrations> ledger = context.getServiceReference(SchemaMigrations.class);
        SchemaMigrations migrations = context.getService(ledger);
        try {
            for (String[] module : new String[][] {{"core", "org.tessera.crm.core.impl"}, {"sales", "org.tessera.crm.sales.impl"}}) {
                ServiceReference<SchemaReady> ready = schemaReady(module[0]);
                assertEquals("registered by the bundle that carries the changelog", module[1], ready.getBundle().getSymbolicName());
                assertEquals(migrations.appliedVersion(module[0]).orElseThrow(), ready.getProperty(SchemaReady.VERSION));
            }
        } finally {
            context.ungetService(ledger);
        }
        assertEquals("the extender's bundle", "org.tessera.crm.core.migrations", ledger.getBundle().getSymbolicName());
    }

    @Test
    public void eachModuleUnitGetsTheKitsTransactionsFromTheCoreOnItsBehalf() throws InvalidSyntaxException {
        for (String[] unit : new String[][] {{"tessera-core", "org.tessera.crm.core.impl"}, {"tessera-sales", "org.tessera.crm.sales.impl"}}) {
            Collection<ServiceReference<Tx>> found = context.getServiceReferences(Tx.class, Tx.target(unit[0]));
            assertEquals(unit[0] + ": one Tx", 1, found.size());
            assertEquals("registered on behalf of the bundle that holds the unit", unit[1],
                    found.iterator().next().getBundle().getSymbolicName());
        }
    }

    private ServiceReference<SchemaReady> schemaReady(String module) {
        try {
            Collection<ServiceReference<SchemaReady>> found = context.getServiceReferences(SchemaReady.class, SchemaReady.target(module));
            return found.isEmpty() ? null : found.iterator().next();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
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
    public void writesPostDomainEventsAfterCommit() throws InterruptedException {
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, CoreEvents.ALL_CORE.replace("*", "party/*"));
        ServiceRegistration<EventHandler> registration = context.registerService(EventHandler.class, received::add, properties);
        try {
            Api api = new Api();
            String id = api.post("/v1/parties", Fixtures.person("Séverine", "L'Hôte" + Fixtures.unique())).json().path("id").asText();
            Event created = awaitEvent(received, CoreEvents.PARTY_CREATED, id);
            assertEquals("PARTY", created.getProperty(CoreEvents.ENTITY_TYPE));
            // a thread with no caller bound (this test's) sees nothing; system work binds the system caller
            assertTrue("fail closed without a caller", parties.find(id).isEmpty());
            assertTrue("the committed row is visible to the handler", callers.callAsSystem(() -> parties.find(id)).isPresent());

            api.patch("/v1/parties/" + id, Api.object().put("jobTitle", "Notaire"), "\"1\"");
            Event updated = awaitEvent(received, CoreEvents.PARTY_UPDATED, id);
            assertTrue(Arrays.asList((String[]) updated.getProperty(CoreEvents.CHANGED_FIELDS)).contains("jobTitle"));

            api.delete("/v1/parties/" + id);
            awaitEvent(received, CoreEvents.PARTY_DELETED, id);
        } finally {
            registration.unregister();
        }
    }

    private static Event awaitEvent(BlockingQueue<Event> received, String topic, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Event event = received.poll(10, TimeUnit.SECONDS); event != null;
                event = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            if (topic.equals(event.getTopic()) && id.equals(event.getProperty(CoreEvents.ID))) {
                return event;
            }
        }
        throw new AssertionError("no " + topic + " event for " + id);
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
        // the module registry's bundle ships its own document, merged while it is active
        assertTrue(response.json().path("paths").has("/v1/modules"));
        assertTrue(response.json().path("paths").has("/v1/modules/{name}/install"));
    }
}
