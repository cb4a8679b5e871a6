package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Field-level sync over HTTP: two systems change different fields of one party and both changes
 * survive, the field dates say who changed what when, a write that changes nothing publishes no
 * change, and the change feed streamed as server-sent events delivers a change as it happens.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FieldSyncIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Api admin = new Api();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void up() {
        admin.awaitHealthy(60);
    }

    @Test
    public void twoSourcesChangingDifferentFieldsBothSurviveAndANoOpPublishesNothing() {
        String since = now();
        String last = "Sync" + Fixtures.unique();
        JsonNode created = json(send("POST", "/v1/parties", person(last, "ada@example.org", "Paris"), "crm", null), 201);
        String id = created.path("id").asText();
        Instant createdAt = Instant.parse(created.path("createdAt").asText());

        // the mail client changed the email; its copy of the address is the old one
        JsonNode afterMail = json(send("PUT", "/v1/parties/" + id + ":sync", sync(person(last, "ada@mail.example.org", "Paris"),
                "email[WORK]", createdAt.plusSeconds(1)), "mailclient", null), 200);
        assertEquals(2, afterMail.path("version").asLong());
        // the back office changed the delivery address; its copy of the email is the old one
        JsonNode afterOffice = json(send("PUT", "/v1/parties/" + id + ":sync", sync(person(last, "ada@example.org", "Lyon"),
                "postal[SHIPPING]", createdAt.plusSeconds(2)), "backoffice", null), 200);
        assertEquals(3, afterOffice.path("version").asLong());
        assertEquals("ada@mail.example.org", mechanism(afterOffice, "EMAIL").path("value").asText());
        assertEquals("Lyon", mechanism(afterOffice, "POSTAL").path("city").asText());

        Map<String, JsonNode> meta = new HashMap<>();
        json(send("GET", "/v1/parties/" + id + "/field-meta", null, null, null), 200).path("items")
                .forEach(field -> meta.put(field.path("field").asText(), field));
        assertEquals("mailclient", meta.get("email[WORK]").path("source").asText());
        assertEquals(createdAt.plusSeconds(1), Instant.parse(meta.get("email[WORK]").path("modifiedAt").asText()));
        assertEquals("backoffice", meta.get("postal[SHIPPING]").path("source").asText());
        assertEquals(createdAt.plusSeconds(2), Instant.parse(meta.get("postal[SHIPPING]").path("modifiedAt").asText()));
        assertEquals("crm", meta.get("lastName").path("source").asText());

        // writes that change no value: a replace with the stored state, an older sync, a sync of the stored values
        JsonNode stored = json(send("GET", "/v1/parties/" + id, null, null, null), 200);
        assertEquals(3, json(send("PUT", "/v1/parties/" + id, stored, "crm", "\"3\""), 200).path("version").asLong());
        assertEquals(3, json(send("PUT", "/v1/parties/" + id + ":sync", sync(person(last, "old@example.org", "Paris"),
                "email[WORK]", createdAt), "mailclient", null), 200).path("version").asLong());
        assertEquals(3, json(send("PUT", "/v1/parties/" + id + ":sync", sync(person(last, "ada@mail.example.org", "Lyon"),
                "email[WORK]", Instant.now()), "mailclient", null), 200).path("version").asLong());

        // a marker change after the no-ops: once it is in the feed, everything before it is too
        String marker = json(send("POST", "/v1/parties", person("Marker" + Fixtures.unique(), "m@example.org", "Paris"), null, null), 201)
                .path("id").asText();
        List<String> actions = new ArrayList<>();
        for (JsonNode change : readUntil(since, marker)) {
            if (change.path("recordId").asText().equals(id)) {
                actions.add(change.path("action").asText() + " v" + change.path("version").asLong());
            }
        }
        assertEquals(List.of("CREATED v1", "UPDATED v2", "UPDATED v3"), actions);
    }

    @Test
    public void badSyncInputIsAProblemNamingTheField() {
        // a malformed header is a bad request (400); a sync naming no party field, or dated in the future, is invalid (422)
        String id = json(send("POST", "/v1/parties", person("Bad" + Fixtures.unique(), "b@example.org", "Paris"), null, null), 201)
                .path("id").asText();
        Api.Response header = send("GET", "/v1/parties/" + id, null, "not a source!", null);
        assertEquals(header.toString(), 400, header.status());
        assertTrue(header.toString(), header.raw().body().contains("Tessera-Source"));
        Api.Response field = send("PUT", "/v1/parties/" + id + ":sync", sync(person("X", "x@example.org", "Paris"), "displayName",
                Instant.now()), "crm", null);
        assertEquals(field.toString(), 422, field.status());
        assertTrue(field.toString(), field.raw().body().contains("fieldModifiedAt.displayName"));
        Api.Response future = send("PUT", "/v1/parties/" + id + ":sync", sync(person("X", "x@example.org", "Paris"), "lastName",
                Instant.now().plus(Duration.ofDays(1))), "crm", null);
        assertEquals(future.toString(), 422, future.status());
        assertTrue(future.toString(), future.raw().body().contains("fieldModifiedAt.lastName"));
    }

    @Test
    public void theEventStreamDeliversAChangeAsItHappensAndResumesFromLastEventId() throws Exception {
        String since = now();
        try (InputStream stream = openStream("since=" + since + "&types=party&heartbeat=1", null)) {
            CompletableFuture<Map<String, String>> firstChange = CompletableFuture.supplyAsync(() -> nextChange(stream));
            String id = json(send("POST", "/v1/parties", person("Stream" + Fixtures.unique(), "s@example.org", "Paris"), null, null), 201)
                    .path("id").asText();
            Map<String, String> event = firstChange.get(20, TimeUnit.SECONDS);
            JsonNode change = MAPPER.readTree(event.get("data"));
            assertEquals(id, change.path("recordId").asText());
            assertEquals("CREATED", change.path("action").asText());
            assertEquals(change.path("cursor").asText(), event.get("id"));
        }
        // a client that reconnects sends the last id it saw: the stream resumes after it
        try (InputStream resumed = openStream("types=party&heartbeat=1", since)) {
            Map<String, String> again = CompletableFuture.supplyAsync(() -> nextChange(resumed)).get(20, TimeUnit.SECONDS);
            assertTrue(again.toString(), again.get("data").contains("\"action\":\"CREATED\""));
        }
    }

    private InputStream openStream(String query, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin.url("/v1/changes?" + query)))
                .header("Authorization", Api.basic("admin", "admin"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse(""), response.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/event-stream"));
        return response.body();
    }

    /** Reads events (heartbeat comments skipped) until the first 'change' event; its fields by name. */
    private static Map<String, String> nextChange(InputStream stream) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        Map<String, String> event = new HashMap<>();
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if ("change".equals(event.get("event"))) {
                        return event;
                    }
                    event = new HashMap<>();
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    event.put(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the stream ended without a change");
    }

    private String now() {
        return json(send("GET", "/v1/changes?since=now", null, null, null), 200).path("next").asText();
    }

    /** The feed from {@code since} until the creation of {@code markerId} came, long-polling. */
    private List<JsonNode> readUntil(String since, String markerId) {
        List<JsonNode> changes = new ArrayList<>();
        String cursor = since;
        long deadline = System.currentTimeMillis() + 15_000;
        while (changes.stream().noneMatch(c -> c.path("recordId").asText().equals(markerId)) && System.currentTimeMillis() < deadline) {
            JsonNode page = json(send("GET", "/v1/changes?wait=2&types=party&since=" + cursor, null, null, null), 200);
            page.path("items").forEach(changes::add);
            cursor = page.path("next").asText();
        }
        assertTrue("the marker never came: " + changes, changes.stream().anyMatch(c -> c.path("recordId").asText().equals(markerId)));
        return changes;
    }

    private static ObjectNode person(String lastName, String email, String city) {
        ObjectNode person = Fixtures.person("Ada", lastName);
        person.putArray("contactMechanisms").add(Fixtures.email(email)).add(Api.object().put("type", "POSTAL").put("purpose", "SHIPPING")
                .put("line1", "1 rue de la Paix").put("postalCode", "75002").put("city", city).put("country", "FR"));
        return person;
    }

    private static ObjectNode sync(ObjectNode party, String field, Instant at) {
        ObjectNode request = Api.object();
        request.set("party", party);
        request.putObject("fieldModifiedAt").put(field, at.toString());
        return request;
    }

    private static JsonNode mechanism(JsonNode party, String type) {
        for (JsonNode mechanism : party.path("contactMechanisms")) {
            if (mechanism.path("type").asText().equals(type)) {
                return mechanism;
            }
        }
        throw new AssertionError("no " + type + " in " + party);
    }

    private static JsonNode json(Api.Response response, int status) {
        assertEquals(response.toString(), status, response.status());
        return response.json();
    }

    /** A request with the source system header and If-Match when given. */
    private Api.Response send(String method, String path, JsonNode body, String source, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin.url(path)))
                .header("Authorization", Api.basic("admin", "admin"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", Api.JSON);
        }
        if (source != null) {
            request.header("Tessera-Source", source);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? Api.parse(response.body()) : null;
            return new Api.Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
