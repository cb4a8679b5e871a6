package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tessera.crm.core.api.webhook.WebhookEvents;

/**
 * Webhooks over HTTP, with a receiver the test starts on loopback: a change arrives signed
 * (HMAC-SHA256 of timestamp and body, verified here) with its event id; a failing receiver gets the
 * retries, then the delivery is dead; a replay of the dead letter and of a time range delivers
 * again; a subscription failing too often is disabled with an event; a loopback or link-local
 * target is refused without the configuration that allows it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WebhooksIT {
    private static final String PID = "org.tessera.crm.webhooks";
    private static final String WORKER = "org.tessera.crm.core.impl.webhook.WebhookWorker";
    private static final String SERVICE = "org.tessera.crm.core.impl.webhook.WebhookServiceImpl";
    private static final String SECRET = "it-secret-" + Fixtures.unique() + "-0123456789";

    @Inject
    BundleContext context;
    @Inject
    ConfigurationAdmin configurations;
    @Inject
    ServiceComponentRuntime components;

    private final Api admin = new Api();

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void up() {
        admin.awaitHealthy(60);
        Waits.awaitServed(admin, 60, "/v1/webhooks", "/v1/parties");
    }

    @Test
    public void aChangeArrivesSignedFailuresAreRetriedThenDeadAndReplaysDeliverAgain() throws Exception {
        Dictionary<String, Object> previous = configure(Map.of("allowLoopback", "true", "baseBackoffMillis", "50",
                "maxBackoffMillis", "200", "maxAttempts", "3", "pollMillis", "100"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Instant start = Instant.now();
            Api.Response created = admin.post("/v1/webhooks", subscription(receiver.url(), "party"));
            assertEquals(created.toString(), 201, created.status());
            String id = created.json().path("id").asText();
            assertEquals("\"1\"", created.header("ETag"));
            assertFalse("the secret is write-only", created.raw().body().contains(SECRET) || created.json().has("secret"));
            Api.Response read = admin.get("/v1/webhooks/" + id);
            assertEquals(200, read.status());
            assertFalse(read.raw().body().contains(SECRET));
            try {
                // a change arrives, signed, with its event id
                String partyId = admin.post("/v1/parties", Fixtures.person("Hook", "Signed" + Fixtures.unique())).json().path("id").asText();
                WebhookReceiver.Received first = awaitRequest(receiver, partyId, "CREATED");
                JsonNode body = Api.parse(first.body());
                assertEquals("party", body.path("type").asText());
                assertEquals(id, body.path("subscriptionId").asText());
                assertEquals(body.path("eventId").asText(), first.eventId());
                assertEquals("1", first.attempt());
                assertSigned(first);
                Waits.awaitTrue(() -> "DELIVERED".equals(latest(id).path("state").asText()), "the delivery logged", 15);
                assertEquals(204, latest(id).path("lastStatus").asInt());

                // the receiver fails: three attempts, then the dead letter
                receiver.answer(500);
                assertEquals(200, admin.patch("/v1/parties/" + partyId, Api.object().put("jobTitle", "Courtier"), null).status());
                WebhookReceiver.Received failing = awaitRequest(receiver, partyId, "UPDATED");
                Waits.awaitTrue(() -> "DEAD".equals(latest(id).path("state").asText()), "the delivery dead-lettered", 20);
                JsonNode dead = latest(id);
                assertEquals(3, dead.path("attempts").asInt());
                assertEquals(500, dead.path("lastStatus").asInt());
                assertEquals("every attempt reached the receiver with the same event id", 3, receiver.forEvent(failing.eventId()).size());
                assertEquals(1, admin.get("/v1/webhooks/" + id + "/deliveries?state=DEAD").json().path("items").size());

                // a replay of the dead letter delivers it again
                receiver.answer(200);
                Api.Response replayed = admin.post("/v1/webhooks/" + id + "/deliveries/" + dead.path("id").asText() + "/replay", Api.object());
                assertEquals(replayed.toString(), 202, replayed.status());
                Waits.awaitTrue(() -> receiver.forEvent(failing.eventId()).size() == 4, "the dead letter delivered again", 15);
                assertSigned(receiver.forEvent(failing.eventId()).get(3));
                Waits.awaitTrue(() -> "DELIVERED".equals(latest(id).path("state").asText()), "the replay logged", 15);

                // a replay of a time range delivers both changes again
                int before = receiver.received().size();
                ObjectNode range = Api.object().put("from", start.toString()).put("to", Instant.now().plusSeconds(60).toString());
                Api.Response ranged = admin.post("/v1/webhooks/" + id + "/replay", range);
                assertEquals(ranged.toString(), 202, ranged.status());
                assertEquals(2, ranged.json().path("queued").asInt());
                Waits.awaitTrue(() -> receiver.received().size() >= before + 2, "the range delivered again", 15);
                Problems.assertNamesField(admin.post("/v1/webhooks/" + id + "/replay", Api.object().put("from", start.toString())), 422, "to");

                // If-Match on a replacement
                ObjectNode change = subscription(receiver.url(), "party", "activity");
                change.remove("secret");
                Problems.assertProblem(admin.put("/v1/webhooks/" + id, change, null), 428);
                Problems.assertProblem(admin.put("/v1/webhooks/" + id, change, "\"7\""), 412);
                Api.Response replaced = admin.put("/v1/webhooks/" + id, change, "\"1\"");
                assertEquals(replaced.toString(), 200, replaced.status());
                assertEquals("\"2\"", replaced.header("ETag"));
                assertEquals(2, replaced.json().path("types").size());
            } finally {
                admin.delete("/v1/webhooks/" + id);
            }
        } finally {
            restore(previous);
        }
    }

    @Test
    public void aSubscriptionFailingTooOftenInARowIsDisabledWithAnEvent() throws Exception {
        BlockingQueue<Event> disabled = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, WebhookEvents.DISABLED);
        ServiceRegistration<EventHandler> subscriber = context.registerService(EventHandler.class, disabled::add, topics);
        Dictionary<String, Object> previous = configure(Map.of("allowLoopback", "true", "maxAttempts", "1",
                "disableAfterFailures", "2", "pollMillis", "100"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503);
            String id = admin.post("/v1/webhooks", subscription(receiver.url(), "party")).json().path("id").asText();
            try {
                for (int i = 0; i < 2; i++) {
                    admin.post("/v1/parties", Fixtures.person("Hook", "Failing" + Fixtures.unique()));
                }
                Event event = disabled.poll(20, TimeUnit.SECONDS);
                assertNotNull("the event that says the subscription is disabled", event);
                assertEquals(id, event.getProperty("id"));
                assertEquals(receiver.url(), event.getProperty(WebhookEvents.URL));
                JsonNode stored = admin.get("/v1/webhooks/" + id).json();
                assertFalse(stored.path("enabled").asBoolean());
                assertTrue(stored.toString(), stored.path("disabledReason").asText().contains("failed in a row"));
            } finally {
                admin.delete("/v1/webhooks/" + id);
            }
        } finally {
            subscriber.unregister();
            restore(previous);
        }
    }

    @Test
    public void aLoopbackOrLinkLocalTargetIsRefusedWithoutTheAllowFlag() throws Exception {
        Dictionary<String, Object> previous = configure(Map.of("allowLoopback", "false"));
        try {
            for (String url : List.of("http://127.0.0.1:8181/hook", "http://localhost/hook", "http://[::1]/hook",
                    "http://169.254.169.254/latest/meta-data", "ftp://hooks.example.com/")) {
                Problems.assertNamesField(admin.post("/v1/webhooks", subscription(url, "party")), 422, "url");
            }
            Problems.assertNamesField(admin.post("/v1/webhooks", subscription("https://93.184.216.34/", "nothing")), 422, "types");
            ObjectNode noSecret = subscription("https://93.184.216.34/", "party");
            noSecret.remove("secret");
            Problems.assertNamesField(admin.post("/v1/webhooks", noSecret), 422, "secret");
        } finally {
            restore(previous);
        }
    }

    private static ObjectNode subscription(String url, String... types) {
        ObjectNode sub = Api.object().put("url", url).put("secret", SECRET);
        for (String type : types) {
            sub.withArray("types").add(type);
        }
        return sub;
    }

    /** The newest delivery of the subscription. */
    private JsonNode latest(String id) {
        Api.Response page = admin.get("/v1/webhooks/" + id + "/deliveries?limit=1");
        assertEquals(page.toString(), 200, page.status());
        return page.json().path("items").path(0);
    }

    private static WebhookReceiver.Received awaitRequest(WebhookReceiver receiver, String recordId, String action) {
        Waits.awaitTrue(() -> find(receiver, recordId, action) != null, action + " of " + recordId + " delivered", 20);
        return find(receiver, recordId, action);
    }

    private static WebhookReceiver.Received find(WebhookReceiver receiver, String recordId, String action) {
        for (WebhookReceiver.Received request : receiver.received()) {
            JsonNode body = Api.parse(request.body());
            if (recordId.equals(body.path("recordId").asText()) && action.equals(body.path("action").asText())) {
                return request;
            }
        }
        return null;
    }

    /** Verifies the signature as a receiver would: HMAC-SHA256 of "t.body" with the secret, and a fresh t. */
    private static void assertSigned(WebhookReceiver.Received request) throws Exception {
        assertNotNull("signed", request.signature());
        String[] parts = request.signature().split(",");
        assertTrue(request.signature(), parts[0].startsWith("t=") && parts[1].startsWith("v1="));
        long t = Long.parseLong(parts[0].substring(2));
        assertTrue("a fresh timestamp", Math.abs(Instant.now().getEpochSecond() - t) < 300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals("the signature verifies", expected, parts[1].substring(3));
    }

    /** Sets the webhook configuration and waits until both components run with it: the previous properties, to restore. */
    private Dictionary<String, Object> configure(Map<String, String> settings) throws IOException {
        org.osgi.service.cm.Configuration configuration = configurations.getConfiguration(PID, "?");
        Dictionary<String, Object> previous = configuration.getProperties();
        Dictionary<String, Object> next = new Hashtable<>();
        settings.forEach(next::put);
        configuration.update(next);
        awaitComponents(settings);
        return previous;
    }

    /**
     * Puts the previous configuration back; when there was none, the defaults (loopback refused),
     * written out rather than deleted: Karaf's file install may bring a deleted configuration back
     * from the file it saved under etc/.
     */
    private void restore(Dictionary<String, Object> previous) throws IOException {
        Dictionary<String, Object> restored = previous;
        if (restored == null) {
            restored = new Hashtable<>();
            restored.put("allowLoopback", "false");
        }
        configurations.getConfiguration(PID, "?").update(restored);
        Map<String, String> settings = new java.util.HashMap<>();
        for (Enumeration<String> keys = restored.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!key.contains(".")) { // service.pid, felix.fileinstall.filename: not settings
                settings.put(key, String.valueOf(restored.get(key)));
            }
        }
        awaitComponents(settings);
    }

    private void awaitComponents(Map<String, String> settings) {
        Waits.awaitTrue(() -> settings.entrySet().stream().allMatch(setting -> property(WORKER, setting.getKey(), setting.getValue())
                && property(SERVICE, setting.getKey(), setting.getValue())), "the webhook components configured with " + settings, 30);
    }

    private boolean property(String component, String key, String value) {
        ComponentConfigurationDTO active = active(component);
        return active != null && value.equals(String.valueOf(active.properties.get(key)));
    }

    private ComponentConfigurationDTO active(String component) {
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs()) {
            if (description.name.equals(component)) {
                for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.ACTIVE || configuration.state == ComponentConfigurationDTO.SATISFIED) {
                        return configuration;
                    }
                }
            }
        }
        return null;
    }
}
