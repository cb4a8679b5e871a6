package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.inject.Inject;
import javax.sql.DataSource;

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
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tessera.crm.core.api.event.CoreEvents;

/**
 * The change feed over HTTP: what is created, updated and deleted appears in order with the names
 * of the changed fields, pages resume from their cursor, an agent reads only their perimeter, a
 * waiting reader is answered as soon as a change is published, a cursor older than the retention
 * is gone, module events are in it too, and Event Admin subscribers still receive every event.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ChangeFeedIT {
    private static final String OUTBOX_PID = "org.tessera.crm.outbox";

    @Inject
    BundleContext context;
    @Inject
    ConfigurationAdmin configurations;
    @Inject
    @Filter("(osgi.jndi.service.name=tessera)")
    DataSource dataSource;

    private final Api admin = new Api();
    private final Api agentA = Api.as("it-agent-a", "it-agent-a");
    private final Fixtures fixtures = new Fixtures(admin);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void up() {
        admin.awaitHealthy(60);
    }

    @Test
    public void createsUpdatesAndDeletesAppearInOrderWithTheirChangedFields() throws Exception {
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, CoreEvents.ALL_CORE);
        ServiceRegistration<EventHandler> subscriber = context.registerService(EventHandler.class, received::add, topics);
        try {
            String since = now(admin);
            String partyId = created(admin.post("/v1/parties", Fixtures.person("Odile", "Feed" + Fixtures.unique()))).path("id").asText();
            assertEquals(200, admin.patch("/v1/parties/" + partyId, Api.object().put("jobTitle", "Notaire"), "\"1\"").status());
            String activityId = created(admin.post("/v1/activities", call("Feed call", partyId))).path("id").asText();
            assertEquals(200, admin.patch("/v1/activities/" + activityId, Api.object().put("subject", "Feed call, again"), null).status());
            assertEquals(204, admin.delete("/v1/activities/" + activityId).status());
            assertEquals(204, admin.delete("/v1/parties/" + partyId).status());

            List<JsonNode> changes = readUntil(admin, since, "types=party,activity", 6);
            List<String> seen = new ArrayList<>();
            for (JsonNode change : changes) {
                seen.add(change.path("type").asText() + " " + change.path("action").asText());
            }
            assertEquals(List.of("party CREATED", "party UPDATED", "activity CREATED", "activity UPDATED", "activity DELETED",
                    "party DELETED"), seen);
            JsonNode update = changes.get(1);
            assertEquals(partyId, update.path("recordId").asText());
            assertEquals(2, update.path("version").asLong());
            assertEquals("[\"jobTitle\"]", update.path("changedFields").toString());
            assertEquals("admin", update.path("user").asText());
            assertTrue(update.toString(), update.path("time").isTextual() && update.path("cursor").isTextual());
            assertFalse("no field value in a change", update.toString().contains("Notaire"));
            assertEquals("[\"subject\"]", changes.get(3).path("changedFields").toString());
            for (int i = 1; i < changes.size(); i++) {
                assertTrue(changes.get(i).path("position").asLong() > changes.get(i - 1).path("position").asLong());
            }
            // Event Admin subscribers still receive the same events
            awaitEvent(received, CoreEvents.PARTY_UPDATED, partyId);
            awaitEvent(received, CoreEvents.ACTIVITY_DELETED, activityId);
        } finally {
            subscriber.unregister();
        }
    }

    @Test
    public void pagesResumeFromTheirNextCursorEvenWhenEmpty() {
        String since = now(admin);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(created(admin.post("/v1/parties", Fixtures.person("Page" + i, "Feed" + Fixtures.unique()))).path("id").asText());
        }
        List<JsonNode> all = readUntil(admin, since, "types=party", 3);
        assertEquals(ids, List.of(all.get(0).path("recordId").asText(), all.get(1).path("recordId").asText(),
                all.get(2).path("recordId").asText()));
        JsonNode first = ok(admin.get("/v1/changes?types=party&limit=2&since=" + since));
        assertEquals(2, first.path("items").size());
        JsonNode second = ok(admin.get("/v1/changes?types=party&limit=2&since=" + first.path("next").asText()));
        assertEquals(ids.get(2), second.path("items").get(0).path("recordId").asText());
        JsonNode empty = ok(admin.get("/v1/changes?types=party&since=" + second.path("next").asText()));
        assertEquals(0, empty.path("items").size());
        assertTrue("an empty page still says where to resume", empty.path("next").isTextual());
    }

    @Test
    public void anAgentReadsOnlyTheChangesOfTheirPerimeter() {
        new Fixtures(admin).perimeters();
        Api agentB = Api.as("it-agent-b", "it-agent-b");
        String since = now(agentA);
        String word = Fixtures.unique();
        String mine = created(agentA.post("/v1/parties", Fixtures.person("Anne", "Feed" + word))).path("id").asText();
        String theirs = created(agentB.post("/v1/parties", Fixtures.person("Bruno", "Feed" + word))).path("id").asText();
        String theirCall = created(agentB.post("/v1/activities", call("Their call " + word, theirs))).path("id").asText();
        String myCall = created(agentA.post("/v1/activities", call("My call " + word, mine))).path("id").asText();
        List<String> read = new ArrayList<>();
        for (JsonNode change : readUntil(agentA, since, "", 2)) {
            read.add(change.path("recordId").asText());
        }
        assertTrue(read.toString(), read.contains(mine) && read.contains(myCall));
        assertFalse(read.toString(), read.contains(theirs) || read.contains(theirCall));
        // the administrator reads both
        List<String> all = new ArrayList<>();
        for (JsonNode change : readUntil(admin, since, "types=party", 2)) {
            all.add(change.path("recordId").asText());
        }
        assertTrue(all.toString(), all.contains(mine) && all.contains(theirs));
        // a type the agent may not read is refused by name, an unknown one too
        Problems.assertNamesField(agentA.get("/v1/changes?types=nosuch.thing"), 400, "types");
    }

    @Test
    public void aWaitingReaderIsAnsweredAsSoonAsAChangeIsPublished() throws Exception {
        String since = now(admin);
        long start = System.nanoTime();
        CompletableFuture<Api.Response> waiting = CompletableFuture.supplyAsync(
                () -> admin.get("/v1/changes?types=party&wait=25&since=" + since));
        // waits on the answer itself: one within half a second, before any change, would be wrong
        try {
            fail("answered before any change: " + waiting.get(500, TimeUnit.MILLISECONDS));
        } catch (TimeoutException parked) {
            // still parked, as it should be
        }
        String id = created(admin.post("/v1/parties", Fixtures.person("Wait", "Feed" + Fixtures.unique()))).path("id").asText();
        JsonNode page = ok(waiting.get(20, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(id, page.path("items").get(0).path("recordId").asText());
        assertTrue("answered at the change, not at the end of the wait: " + millis + " ms", millis < 15_000);
    }

    @Test
    public void aModulesEventIsInTheFeed() {
        Waits.awaitServed(admin, 30, "/v1/sales/opportunities");
        String since = now(admin);
        String accountId = fixtures.createParty(Api.object().put("type", "ORGANIZATION").put("legalName", "Feed " + Fixtures.unique()))
                .path("id").asText();
        Api.Response opportunity = admin.post("/v1/sales/opportunities", Api.object().put("accountId", accountId)
                .put("name", "Feed silos").put("amount", 1000).put("currency", "EUR"));
        assertEquals(opportunity.toString(), 201, opportunity.status());
        String opportunityId = opportunity.json().path("id").asText();
        List<JsonNode> changes = readUntil(admin, since, "types=sales.opportunity", 1);
        assertEquals(opportunityId, changes.get(0).path("recordId").asText());
        assertEquals("sales.opportunity", changes.get(0).path("type").asText());
        // the agent's feed holds no module record: the feed cannot scope them yet
        assertEquals(0, ok(agentA.get("/v1/changes?types=sales.opportunity&since=" + since)).path("items").size());
    }

    @Test
    public void aCursorOlderThanTheRetentionIsGone() throws Exception {
        Problems.assertNamesField(admin.get("/v1/changes?since=not-a-cursor"), 400, "since");
        Problems.assertNamesField(admin.get("/v1/changes?limit=0"), 400, "limit");
        Problems.assertNamesField(admin.get("/v1/changes?wait=31"), 400, "wait");
        String stale = now(admin);
        created(admin.post("/v1/parties", Fixtures.person("Old", "Feed" + Fixtures.unique())));
        String fresh = readUntil(admin, stale, "types=party", 1).get(0).path("cursor").asText();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement age = connection.prepareStatement("UPDATE event_outbox SET dispatched_at = ? WHERE feed_position <= ?")) {
            age.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(30))));
            age.setLong(2, ok(admin.get("/v1/changes?types=party&since=" + stale)).path("items").get(0).path("position").asLong());
            age.executeUpdate();
        }
        // a new configuration restarts the dispatcher, which purges at once
        org.osgi.service.cm.Configuration outbox = configurations.getConfiguration(OUTBOX_PID, "?");
        Dictionary<String, Object> retention = new Hashtable<>();
        retention.put("retentionDays", "7");
        retention.put("purgedBy", "ChangeFeedIT " + System.nanoTime());
        outbox.update(retention);
        Waits.awaitTrue(() -> admin.get("/v1/changes?since=" + stale).status() == 410, "the stale cursor gone", 15);
        Api.Response gone = admin.get("/v1/changes?since=" + stale);
        assertTrue(gone.toString(), gone.header("Content-Type").startsWith(Api.PROBLEM));
        assertTrue(gone.toString(), gone.json().path("detail").asText().contains("since=now"));
        assertEquals("a cursor after the purged changes still reads", 200, admin.get("/v1/changes?since=" + fresh).status());
    }

    private static String now(Api api) {
        return ok(api.get("/v1/changes?since=now")).path("next").asText();
    }

    /** Reads from {@code since} until {@code count} changes came (the dispatcher publishes them just after their commits). */
    private static List<JsonNode> readUntil(Api api, String since, String filter, int count) {
        List<JsonNode> changes = new ArrayList<>();
        String cursor = since;
        long deadline = System.currentTimeMillis() + 15_000;
        while (changes.size() < count && System.currentTimeMillis() < deadline) {
            JsonNode page = ok(api.get("/v1/changes?wait=2&" + filter + "&since=" + cursor));
            page.path("items").forEach(changes::add);
            cursor = page.path("next").asText();
        }
        assertTrue("only " + changes.size() + " of " + count + " changes: " + changes, changes.size() >= count);
        return changes;
    }

    private static JsonNode ok(Api.Response response) {
        assertEquals(response.toString(), 200, response.status());
        return response.json();
    }

    private static JsonNode created(Api.Response response) {
        assertEquals(response.toString(), 201, response.status());
        return response.json();
    }

    private static ObjectNode call(String subject, String partyId) {
        ObjectNode activity = Api.object().put("type", "CALL").put("subject", subject).put("status", "DONE")
                .put("startAt", "2026-11-20T09:00:00Z");
        activity.putArray("participants").add(partyId);
        return activity;
    }

    private static void awaitEvent(BlockingQueue<Event> received, String topic, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Event event = received.poll(10, TimeUnit.SECONDS); event != null;
                event = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            if (topic.equals(event.getTopic()) && id.equals(event.getProperty(CoreEvents.ID))) {
                return;
            }
        }
        throw new AssertionError("no " + topic + " event for " + id);
    }
}
