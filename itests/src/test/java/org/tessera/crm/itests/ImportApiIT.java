package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.email;
import static org.tessera.crm.itests.Fixtures.person;
import static org.tessera.crm.itests.Fixtures.unique;

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

/** Bulk import over HTTP: NDJSON in, a per-row report out, idempotent by external id. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ImportApiIT {
    private static final String NDJSON = "application/x-ndjson";
    private final Api api = new Api();

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        api.awaitHealthy(60);
    }

    private static String line(String first, String last, String token, int n) {
        ObjectNode p = person(first, last + " " + token);
        p.putArray("classifications").add("PROSPECT");
        p.putArray("contactMechanisms").add(email("p" + n + "." + token + "@example.com"));
        p.putObject("externalIds").put("it-import", token + "-" + n);
        return p.toString();
    }

    private Api.Response importing(String body) {
        return api.sendBody("POST", "/v1/parties:import", body, NDJSON, null);
    }

    @Test
    public void theSameFileTwiceCreatesNothingNew() {
        String token = unique();
        String file = line("Hélène", "O'Brien", token, 1) + "\n" + line("Zoë", "Lévêque", token, 2) + "\n"
                + line("Seán", "D'Arcy", token, 3) + "\n";
        Api.Response first = importing(file);
        assertEquals(first.toString(), 200, first.status());
        assertEquals(3, first.json().path("created").asInt());
        assertEquals(0, first.json().path("rejected").asInt());

        Api.Response second = importing(file);
        assertEquals(200, second.status());
        assertEquals(0, second.json().path("created").asInt());
        assertEquals(3, second.json().path("unchanged").asInt());

        Api.Response found = api.get("/v1/parties?q=" + token);
        assertEquals(3, found.json().path("items").size());
        // the import path does not shadow the party resource, nor the other way round
        String id = found.json().path("items").path(0).path("id").asText();
        assertEquals(200, api.get("/v1/parties/" + id).status());
    }

    @Test
    public void aBadLineIsReportedWithItsNumberAndTheOthersAreImported() {
        String token = unique();
        String file = line("Inès", "Ménard", token, 1) + "\n"
                + "{\"type\": \"PERSON\", \"lastName\": \n"
                + "\n"
                + line("Loïc", "Le Goff", token, 4) + "\n";
        Api.Response report = importing(file);
        assertEquals(report.toString(), 200, report.status());
        assertEquals(2, report.json().path("created").asInt());
        assertEquals(1, report.json().path("rejected").asInt());
        JsonNode rejected = report.json().path("errors").path(0);
        assertEquals(2, rejected.path("line").asInt());
        assertEquals("malformed", rejected.path("errors").path(0).path("code").asText());
    }

    @Test
    public void anInvalidRowNamesItsField() {
        String token = unique();
        ObjectNode org = Api.object().put("type", "ORGANIZATION");
        org.putObject("externalIds").put("it-import", token + "-org");
        ObjectNode badClass = (ObjectNode) Api.parse(line("Noël", "Fontaine", token, 2));
        badClass.putArray("classifications").add("NOT_A_CLASSIFICATION");
        Api.Response report = importing(org + "\n" + badClass + "\n");
        assertEquals(report.toString(), 200, report.status());
        assertEquals(2, report.json().path("rejected").asInt());
        JsonNode first = report.json().path("errors").path(0);
        assertEquals(1, first.path("line").asInt());
        assertEquals("legalName", first.path("errors").path(0).path("field").asText());
        JsonNode second = report.json().path("errors").path(1);
        assertEquals(2, second.path("line").asInt());
        assertTrue(second.toString(), second.path("errors").path(0).path("field").asText().startsWith("classifications"));
    }

    private static String activityLine(String token, int n, ObjectNode party) {
        ObjectNode a = Api.object().put("type", "CALL").put("subject", "Appel n° " + n + " d'Hélène")
                .put("status", "DONE").put("endAt", "2025-0" + n + "-15T10:00:00Z");
        a.putArray("participantExternalIds").add(party);
        a.putObject("externalIds").put("it-import", token + "-call-" + n);
        return a.toString();
    }

    @Test
    public void activitiesAreImportedOnceWithTheirPartyNamedByExternalIdAndShowInItsTimeline() {
        String token = unique();
        Api.Response parties = importing(line("Maël", "Guérin", token, 1) + "\n");
        assertEquals(parties.toString(), 1, parties.json().path("created").asInt());
        ObjectNode party = Api.object().put("source", "it-import").put("id", token + "-1");
        ObjectNode nobody = Api.object().put("source", "it-import").put("id", token + "-nobody");
        ObjectNode badType = (ObjectNode) Api.parse(activityLine(token, 4, party));
        badType.put("type", "DANCE");
        String file = activityLine(token, 1, party) + "\n"
                + "{\"type\": \"CALL\", \"subject\": \n"
                + activityLine(token, 3, nobody) + "\n"
                + badType + "\n"
                + activityLine(token, 5, party).replace("\"DONE\"", "\"FINISHED\"") + "\n"
                + activityLine(token, 6, party) + "\n";

        Api.Response first = api.sendBody("POST", "/v1/activities:import", file, NDJSON, null);
        assertEquals(first.toString(), 200, first.status());
        assertEquals(first.toString(), 2, first.json().path("created").asInt());
        assertEquals(4, first.json().path("rejected").asInt());
        JsonNode errors = first.json().path("errors");
        assertEquals(2, errors.path(0).path("line").asInt());
        assertEquals("malformed", errors.path(0).path("errors").path(0).path("code").asText());
        assertEquals(3, errors.path(1).path("line").asInt());
        assertEquals("participantExternalIds[0]", errors.path(1).path("errors").path(0).path("field").asText());
        assertEquals(4, errors.path(2).path("line").asInt());
        assertEquals("type", errors.path(2).path("errors").path(0).path("field").asText());
        assertEquals(5, errors.path(3).path("line").asInt());
        assertEquals("status", errors.path(3).path("errors").path(0).path("field").asText());

        Api.Response second = api.sendBody("POST", "/v1/activities:import", file, NDJSON, null);
        assertEquals(200, second.status());
        assertEquals(second.toString(), 0, second.json().path("created").asInt());
        assertEquals(2, second.json().path("unchanged").asInt());
        assertEquals(4, second.json().path("rejected").asInt());

        String partyId = api.get("/v1/parties?q=" + token).json().path("items").path(0).path("id").asText();
        JsonNode timeline = api.get("/v1/parties/" + partyId + "/timeline").json().path("items");
        assertEquals(timeline.toString(), 2, timeline.size());
        assertEquals("Appel n° 6 d'Hélène", timeline.path(0).path("title").asText());
        String activityId = timeline.path(0).path("href").asText().replace("/activities/", "");
        JsonNode activity = api.get("/v1/activities/" + activityId).json();
        assertEquals(token + "-call-6", activity.path("externalIds").path("it-import").asText());
    }

    @Test
    public void anActivityExternalIdHeldByAnotherIsA409() {
        String token = unique();
        String partyId = api.post("/v1/parties", person("Anouk", "Roué " + token)).json().path("id").asText();
        ObjectNode call = Api.object().put("type", "CALL").put("subject", "Premier contact");
        call.putArray("participants").add(partyId);
        call.putObject("externalIds").put("it-import", token);
        assertEquals(201, api.post("/v1/activities", call).status());
        JsonNode problem = Problems.assertProblem(api.post("/v1/activities", call), 409);
        assertTrue(problem.toString(), problem.toString().contains("externalIds"));
    }
}
