package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

/**
 * Streaming exports over HTTP: parties as NDJSON (the list's JSON) and CSV with a filter, an agent's
 * export bounded by their perimeter, a bad format refused as a problem before any byte, and the
 * sales module's opportunities exported through the kit's same mechanism.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ExportIT {
    private static final String EXPORTER_ROLE = "it-exporter";
    private final Api admin = new Api();
    private final Api exporterA = Api.as("it-export-a", "it-export-a");
    private String agencyA;

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void perimeters() {
        admin.awaitHealthy(60);
        Fixtures fixtures = new Fixtures(admin);
        agencyA = fixtures.perimeters().agencyA();
        fixtures.agent("it-export-a", agencyA);
        assertEquals(204, admin.put("/v1/security/roles/" + EXPORTER_ROLE, Api.object().set("permissions",
                Api.parse("[\"core.party.export\", \"core.activity.export\"]")), null).status());
    }

    private List<String> partiesNamed(String word, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode person = Fixtures.person("Émile" + i, word);
            if (i == 0) {
                person.withArray("contactMechanisms").add(Fixtures.email("emile." + word.toLowerCase() + "@example.org"));
            }
            ids.add(new Fixtures(admin).createParty(person).path("id").asText());
        }
        return ids;
    }

    private static List<String> lines(Api.Response response, String separator) {
        String body = response.raw().body();
        assertTrue("the file ends with its line separator", body.isEmpty() || body.endsWith(separator));
        return body.isEmpty() ? List.of() : List.of(body.split(separator));
    }

    @Test
    public void partiesExportAsNdjsonInTheListsShapeWithTheListsFilters() {
        String word = "Ndj" + Fixtures.unique();
        List<String> ids = partiesNamed(word, 3);
        Api.Response export = admin.get("/v1/parties:export?format=ndjson&q=" + word);
        assertEquals(export.toString(), 200, export.status());
        assertTrue(export.contentType(), export.contentType().startsWith("application/x-ndjson"));
        assertTrue(export.header("Content-Disposition"),
                export.header("Content-Disposition").matches("attachment; filename=parties-\\d{4}-\\d\\d-\\d\\d\\.ndjson"));
        Map<String, JsonNode> listed = new HashMap<>();
        admin.get("/v1/parties?q=" + word).json().path("items").forEach(item -> listed.put(item.path("id").asText(), item));
        List<String> exported = new ArrayList<>();
        for (String line : lines(export, "\n")) {
            JsonNode party = Api.parse(line);
            exported.add(party.path("id").asText());
            assertEquals("the same JSON as the list's item", listed.get(party.path("id").asText()), party);
        }
        assertEquals("every match once, in id order", ids, exported);
        assertEquals(0, lines(admin.get("/v1/parties:export?q=" + word + "&type=ORGANIZATION"), "\n").size());
    }

    @Test
    public void partiesExportAsCsvWithAHeaderRowAndThePrimaryEmail() {
        String word = "Csv" + Fixtures.unique();
        List<String> ids = partiesNamed(word, 2);
        Api.Response export = admin.get("/v1/parties:export?format=csv&q=" + word);
        assertEquals(export.toString(), 200, export.status());
        assertTrue(export.contentType(), export.contentType().startsWith("text/csv"));
        assertTrue(export.header("Content-Disposition"), export.header("Content-Disposition").endsWith(".csv"));
        List<String> rows = lines(export, "\r\n");
        assertEquals(export.raw().body(), 3, rows.size());
        List<String> header = List.of(rows.get(0).split(","));
        assertTrue(rows.get(0), header.containsAll(List.of("id", "type", "firstName", "lastName", "contactMechanisms",
                "primaryEmail", "primaryPhone")));
        List<String> first = List.of(rows.get(1).split(",", -1));
        assertEquals(ids.get(0), first.get(header.indexOf("id")));
        assertEquals("Émile0", first.get(header.indexOf("firstName")));
        assertTrue(rows.get(1), rows.get(1).contains("emile." + word.toLowerCase() + "@example.org"));
        assertTrue("contact mechanisms as a quoted JSON cell: " + rows.get(1), rows.get(1).contains("\"[{\"\""));
    }

    @Test
    public void anAgentExportsTheirPerimeterOnlyAndNeedsTheExportPermission() {
        String word = "Per" + Fixtures.unique();
        String mine = new Fixtures(Api.as("it-agent-a", "it-agent-a")).createParty(Fixtures.person("Anne", word)).path("id").asText();
        new Fixtures(Api.as("it-agent-b", "it-agent-b")).createParty(Fixtures.person("Bruno", word));
        assertEquals(2, lines(admin.get("/v1/parties:export?q=" + word), "\n").size());
        List<String> exported = lines(exporterA.get("/v1/parties:export?format=ndjson&q=" + word), "\n");
        assertEquals(exported.toString(), 1, exported.size());
        assertEquals(mine, Api.parse(exported.get(0)).path("id").asText());
        Api.Response csv = exporterA.get("/v1/parties:export?format=csv&q=" + word);
        assertEquals(csv.raw().body(), 2, lines(csv, "\r\n").size());
        Problems.assertProblem(Api.as("it-agent-a", "it-agent-a").get("/v1/parties:export?q=" + word), 403);
    }

    @Test
    public void aBadFormatOrFilterIsAProblemBeforeAnyByte() {
        Problems.assertNamesField(admin.get("/v1/parties:export?format=xlsx"), 400, "format");
        Problems.assertNamesField(admin.get("/v1/activities:export?format=pdf"), 400, "format");
        Problems.assertNamesField(admin.get("/v1/parties:export?format=csv&type=ROBOT"), 400, "type");
        Problems.assertNamesField(admin.get("/v1/activities:export?dueFrom=yesterday"), 400, "dueFrom");
    }

    @Test
    public void activitiesExportWithTheListsFilters() {
        String party = new Fixtures(admin).createParty(Fixtures.person("Act", "Exp" + Fixtures.unique())).path("id").asText();
        ObjectNode call = Api.object().put("type", "CALL").put("subject", "Appel, \"export\"").put("status", "DONE")
                .put("startAt", "2026-11-20T09:00:00Z");
        call.putArray("participants").add(party);
        assertEquals(201, admin.post("/v1/activities", call).status());
        List<String> rows = lines(admin.get("/v1/activities:export?format=csv&partyId=" + party), "\r\n");
        assertEquals(rows.toString(), 2, rows.size());
        assertTrue(rows.get(1), rows.get(1).contains("\"Appel, \"\"export\"\"\""));
    }

    @Test
    public void salesOpportunitiesExportThroughTheSameMechanism() {
        Waits.awaitServed(admin, 60, "/v1/sales/opportunities");
        String account = new Fixtures(admin).createParty(Api.object().put("type", "ORGANIZATION")
                .put("legalName", "Export " + Fixtures.unique())).path("id").asText();
        Api.Response created = admin.post("/v1/sales/opportunities", Api.object().put("accountId", account)
                .put("name", "Cuves, inox").put("currency", "EUR").put("amount", 1000));
        assertEquals(created.toString(), 201, created.status());
        Api.Response ndjson = admin.get("/v1/sales/opportunities:export?accountId=" + account);
        assertEquals(ndjson.toString(), 200, ndjson.status());
        assertTrue(ndjson.header("Content-Disposition").matches("attachment; filename=opportunities-.*\\.ndjson"));
        List<String> lines = lines(ndjson, "\n");
        assertEquals(1, lines.size());
        assertEquals(created.json().path("id").asText(), Api.parse(lines.get(0)).path("id").asText());
        List<String> rows = lines(admin.get("/v1/sales/opportunities:export?format=csv&accountId=" + account), "\r\n");
        assertEquals(2, rows.size());
        assertTrue(rows.get(0), rows.get(0).startsWith("id,accountId,name,"));
        assertTrue(rows.get(1), rows.get(1).contains("\"Cuves, inox\""));
        Problems.assertNamesField(admin.get("/v1/sales/opportunities:export?format=doc"), 400, "format");
    }
}
