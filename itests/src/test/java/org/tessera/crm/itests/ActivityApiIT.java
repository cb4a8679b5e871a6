package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.person;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertNamesField;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;

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

/** Activities and the party timeline, over HTTP. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ActivityApiIT {
    private final Api api = new Api();
    private final Fixtures fixtures = new Fixtures(api);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        api.awaitHealthy(60);
        // as the first suite of a container it may start while resources still join the applications
        Waits.awaitServed(api, 60, "/v1/activities?limit=1", "/v1/parties?limit=1");
    }

    private ObjectNode call(String partyId, String subject) {
        ObjectNode activity = Api.object().put("type", "CALL").put("subject", subject).put("status", "DONE")
                .put("channel", "PHONE").put("direction", "OUTBOUND").put("outcome", "VOICEMAIL")
                .put("description", "Message laissé, rappeler jeudi");
        activity.putArray("participants").add(partyId);
        activity.putArray("links").add("sales:opportunity:42");
        return activity;
    }

    @Test
    public void activityLifecycle() {
        JsonNode party = fixtures.createParty(person("Gaëlle", "Fontaine" + unique()));
        JsonNode agent = fixtures.newAgent();
        ObjectNode body = call(party.path("id").asText(), "Premier appel").put("startAt", "2026-03-02T09:00:00Z")
                .put("endAt", "2026-03-02T09:05:00Z").put("ownerId", agent.path("id").asText());

        Api.Response created = api.post("/v1/activities", body);
        assertEquals(created.toString(), 201, created.status());
        JsonNode activity = created.json();
        String path = "/v1/activities/" + activity.path("id").asText();
        assertTrue(created.header("Location").endsWith(path));
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("VOICEMAIL", activity.path("outcome").asText());
        assertEquals("sales:opportunity:42", activity.path("links").get(0).asText());
        assertEquals(party.path("id").asText(), activity.path("participants").get(0).asText());
        assertEquals("2026-03-02T09:00:00Z", activity.path("startAt").asText());

        Api.Response patched = api.patch(path, Api.object().put("outcome", "MEETING_SET"), "\"1\"");
        assertEquals(patched.toString(), 200, patched.status());
        assertEquals("MEETING_SET", patched.json().path("outcome").asText());
        assertEquals("Premier appel", patched.json().path("subject").asText());
        assertProblem(api.patch(path, Api.object().put("outcome", "NO_ANSWER"), "\"1\""), 412);

        assertEquals(204, api.delete(path).status());
        assertProblem(api.get(path), 404);
    }

    @Test
    public void activitiesAreFilteredByPartyTypeStatusOwnerAndDueRange() {
        String partyId = fixtures.createParty(person("Mathéo", "Rousseau" + unique())).path("id").asText();
        String ownerId = fixtures.newAgent().path("id").asText();
        ObjectNode planned = Api.object().put("type", "TASK").put("subject", "Envoyer la documentation")
                .put("status", "PLANNED").put("dueAt", "2026-12-01T10:00:00Z").put("ownerId", ownerId);
        planned.putArray("participants").add(partyId);
        String plannedId = fixtures.create("/v1/activities", planned).path("id").asText();
        String doneId = fixtures.create("/v1/activities", call(partyId, "Appel de qualification")
                .put("startAt", "2026-11-01T10:00:00Z").put("ownerId", ownerId)).path("id").asText();

        assertEquals(List.of(plannedId), ids("/v1/activities?partyId=" + partyId + "&status=PLANNED"));
        assertEquals(List.of(doneId), ids("/v1/activities?partyId=" + partyId + "&type=CALL"));
        assertEquals(2, ids("/v1/activities?ownerId=" + ownerId).size());
        assertEquals(List.of(plannedId), ids("/v1/activities?ownerId=" + ownerId
                + "&dueFrom=2026-11-30T00:00:00Z&dueTo=2026-12-02T00:00:00Z"));
        assertEquals(List.of(), ids("/v1/activities?ownerId=" + ownerId
                + "&dueFrom=2027-01-01T00:00:00Z&dueTo=2027-02-01T00:00:00Z"));
        assertEquals(List.of(doneId), ids("/v1/activities?ownerId=" + ownerId + "&link=sales:opportunity:42"));
    }

    @Test
    public void timelineIsNewestFirstAndPaged() {
        String partyId = fixtures.createParty(person("Anaïs", "Vidal" + unique())).path("id").asText();
        List<String> created = new ArrayList<>();
        for (String day : List.of("2026-01-10", "2026-03-10", "2026-02-10")) {
            created.add(fixtures.create("/v1/activities", call(partyId, "Appel du " + day)
                    .put("startAt", day + "T08:00:00Z").put("endAt", day + "T08:10:00Z")).path("id").asText());
        }
        Api.Response first = api.get("/v1/parties/" + partyId + "/timeline?limit=2");
        assertEquals(first.toString(), 200, first.status());
        JsonNode items = first.json().path("items");
        assertEquals(2, items.size());
        assertTrue(items.get(0).path("title").asText() + " " + items.get(0).path("occurredAt").asText(),
                items.get(0).path("occurredAt").asText().startsWith("2026-03-10"));
        assertTrue(items.get(1).path("occurredAt").asText().startsWith("2026-02-10"));
        assertEquals("/activities/" + created.get(1), items.get(0).path("href").asText());
        String cursor = first.json().path("nextCursor").asText(null);
        assertTrue("a second page", cursor != null);

        JsonNode second = api.get("/v1/parties/" + partyId + "/timeline?limit=2&cursor=" + cursor).json();
        assertEquals(1, second.path("items").size());
        assertTrue(second.path("items").get(0).path("occurredAt").asText().startsWith("2026-01-10"));
        assertFalse("last page", second.has("nextCursor"));

        assertProblem(api.get("/v1/parties/987654321/timeline"), 404);
    }

    @Test
    public void invalidActivitiesNameTheirFields() {
        String partyId = fixtures.createParty(person("Raphaël", "Giraud" + unique())).path("id").asText();
        ObjectNode noSubject = call(partyId, "x");
        noSubject.remove("subject");
        assertNamesField(api.post("/v1/activities", noSubject), 422, "subject");
        assertNamesField(api.post("/v1/activities", call(partyId, "x").put("outcome", "ABDUCTED_BY_ALIENS")), 422, "outcome");
        ObjectNode ghost = call(partyId, "x");
        ghost.putArray("participants").add(partyId).add("987654321");
        assertNamesField(api.post("/v1/activities", ghost), 422, "participants[1]");
        assertNamesField(api.post("/v1/activities", call(partyId, "x").put("startAt", "2026-01-02T00:00:00Z")
                .put("endAt", "2026-01-01T00:00:00Z")), 422, "endAt");
        assertNamesField(api.post("/v1/activities", call(partyId, "x").put("status", "MAYBE")), 400, "status");
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        Fixtures.items(api.get(path)).forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
