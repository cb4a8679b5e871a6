package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.person;
import static org.tessera.crm.itests.Fixtures.unique;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Import jobs over HTTP: a CSV job of parties with a column mapping and bad rows, whose report names
 * each bad row's line and column; an NDJSON job of a module's type (service requests); cancel; and
 * the shell's {@code tessera:import}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ImportJobsIT {
    private static final String JOBS = "/v1/import-jobs";
    private final Api api = new Api();

    @Inject
    SessionFactory shellSessions;

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        api.awaitHealthy(60);
        Waits.awaitServed(api, 60, JOBS);
    }

    @Test
    public void aCsvJobWithAMappingImportsTheGoodRowsAndReportsTheBadOnesByLineAndColumn() {
        String token = unique();
        String csv = "Kind,Company,Surname,Born,Legacy id,Segment\n"
                + "ORGANIZATION,Acme " + token + ",,,A-" + token + ",\n"
                + "PERSON,,Martin " + token + ",1980-01-02,B-" + token + ",\n"
                + "PERSON,,Durand " + token + ",02/01/1980,C-" + token + ",\n"
                + "ORGANIZATION,,,,D-" + token + ",\n";
        Api.Response submitted = api.sendBody("POST", JOBS + "?type=party&mapping=Kind%3Dtype,Company%3DlegalName,Surname%3DlastName,"
                + "Born%3DbirthDate,Legacy%20id%3DexternalIds.legacy", csv, "text/csv", null);
        assertEquals(submitted.toString(), 202, submitted.status());
        String id = submitted.json().path("id").asText();
        assertTrue(submitted.header("Location"), submitted.header("Location").endsWith(JOBS + "/" + id));
        assertEquals("CSV", submitted.json().path("format").asText());
        assertEquals(4, submitted.json().path("totalRows").asInt());

        JsonNode done = awaitFinal(id);
        assertEquals(done.toString(), "DONE", done.path("state").asText());
        assertEquals(4, done.path("rowsRead").asInt());
        assertEquals(2, done.path("created").asInt());
        assertEquals(2, done.path("rejected").asInt());
        assertEquals(1, api.get("/v1/parties?q=Martin%20" + token).json().path("items").size());

        List<String> csvReport = lines(api.get(JOBS + "/" + id + "/report?format=csv"));
        assertTrue(csvReport.toString(), csvReport.get(0).startsWith("line,column,field,code,message"));
        assertTrue(csvReport.toString(), csvReport.get(1).startsWith("4,Born,birthDate,invalid,"));
        assertTrue(csvReport.toString(), csvReport.stream().anyMatch(line -> line.startsWith("5,Company,legalName,")));
        Api.Response ndjson = api.get(JOBS + "/" + id + "/report");
        assertEquals(200, ndjson.status());
        JsonNode first = Api.parse(lines(ndjson).get(0));
        assertEquals(4, first.path("line").asInt());
        assertEquals("Born", first.path("column").asText());

        // listed among the caller's jobs; a manager (who may import) does not see another's job, an agent may not import
        assertTrue(api.get(JOBS).json().path("items").toString().contains(id));
        Problems.assertProblem(Api.as("amenard", "amenard").get(JOBS + "/" + id), 404);
        assertTrue(Api.as("amenard", "amenard").get(JOBS).json().path("items").isArray());
        Problems.assertProblem(Api.as("mdupont", "mdupont").get(JOBS + "/" + id), 403);
    }

    @Test
    public void aMappingThatDoesNotFitTheFileIsA422NamingMappingAndAnUnknownTypeOneNamingType() {
        JsonNode mapping = Problems.assertProblem(api.sendBody("POST", JOBS + "?type=party&mapping=Nope%3DlastName",
                "A,B\n1,2\n", "text/csv", null), 422);
        assertTrue(mapping.toString(), mapping.toString().contains("\"field\":\"mapping\""));
        JsonNode type = Problems.assertProblem(api.sendBody("POST", JOBS + "?type=nothing", "{}\n", "application/x-ndjson", null), 422);
        assertTrue(type.toString(), type.toString().contains("\"field\":\"type\""));
        Problems.assertProblem(api.get(JOBS + "/00000000-0000-0000-0000-000000000000"), 404);
        Problems.assertProblem(api.sendBody("POST", JOBS + "?type=party&format=xlsx", "{}\n", "application/x-ndjson", null), 400);
    }

    @Test
    public void anNdjsonJobImportsServiceRequests() {
        Waits.awaitTrue(() -> api.get(JOBS + "/types").json().has("service.request"), "service.request importable", 60);
        Api.Response party = api.post("/v1/parties", person("Import", "Jobs " + unique()));
        assertEquals(party.toString(), 201, party.status());
        String customer = party.json().path("id").asText();
        String token = unique();
        String ndjson = "{\"number\":\"IJ-1-" + token + "\",\"summary\":\"Migrated\",\"partyId\":\"" + customer + "\"}\n"
                + "{\"number\":\"IJ-2-" + token + "\",\"summary\":\"Migrated too\",\"partyId\":\"" + customer + "\"}\n"
                + "{\"number\":\"IJ-3-" + token + "\",\"partyId\":\"" + customer + "\",\"priority\":\"SOMEDAY\"}\n";
        Api.Response submitted = api.sendBody("POST", JOBS + "?type=service.request", ndjson, "application/x-ndjson", null);
        assertEquals(submitted.toString(), 202, submitted.status());
        JsonNode done = awaitFinal(submitted.json().path("id").asText());
        assertEquals(done.toString(), "DONE", done.path("state").asText());
        assertEquals(2, done.path("created").asInt());
        assertEquals(1, done.path("rejected").asInt());
        assertEquals(1, api.get("/v1/service/requests?number=IJ-2-" + token).json().path("items").size());
        JsonNode reason = Api.parse(lines(api.get(JOBS + "/" + submitted.json().path("id").asText() + "/report")).get(0));
        assertEquals(3, reason.path("line").asInt());
    }

    @Test
    public void aJobIsCancelledOnceThenTheCancelIsAConflict() {
        // a file large enough that the job is still queued or running when the cancel arrives
        StringBuilder csv = new StringBuilder("type,lastName,externalId.it-cancel\n");
        String token = unique();
        for (int i = 0; i < 3000; i++) {
            csv.append("PERSON,Cancel ").append(token).append(',').append(token).append('-').append(i).append('\n');
        }
        Api.Response submitted = api.sendBody("POST", JOBS + "?type=party", csv.toString(), "text/csv", null);
        assertEquals(submitted.toString(), 202, submitted.status());
        String id = submitted.json().path("id").asText();
        Api.Response cancelled = api.sendBody("POST", JOBS + "/" + id + ":cancel", "", "application/json", null);
        assertEquals(cancelled.toString(), 200, cancelled.status());
        assertEquals("CANCELLED", cancelled.json().path("state").asText());
        JsonNode after = awaitFinal(id);
        assertEquals("CANCELLED", after.path("state").asText());
        assertTrue(after.toString(), after.path("rowsRead").asInt() < 3000);
        Problems.assertProblem(api.delete(JOBS + "/" + id), 409);
    }

    @Test
    public void theShellCommandImportsAFileAndShowsItsProgressUntilDone() throws Exception {
        String token = unique();
        Path file = Files.createTempFile("tessera-import", ".csv");
        try {
            Files.writeString(file, "Kind,Name,Ref\nPERSON,Shell " + token + ",S-" + token + "\n", StandardCharsets.UTF_8);
            String output = KarafShell.asAdmin(shellSessions, "tessera:import --type party --mapping 'Kind=type,Name=lastName,"
                    + "Ref=externalIds.it-shell' " + file);
            assertTrue(output, output.contains("DONE: 1 read, 1 created"));
            assertTrue(output, output.contains("100%"));
        } finally {
            Files.deleteIfExists(file);
        }
        assertEquals(1, api.get("/v1/parties?q=Shell%20" + token).json().path("items").size());
    }

    private JsonNode awaitFinal(String id) {
        JsonNode[] last = new JsonNode[1];
        Waits.awaitTrue(() -> {
            last[0] = api.get(JOBS + "/" + id).json();
            return List.of("DONE", "FAILED", "CANCELLED").contains(last[0].path("state").asText());
        }, "import job " + id + " ends", 60);
        assertNotNull(last[0]);
        return last[0];
    }

    private static List<String> lines(Api.Response response) {
        assertEquals(response.toString(), 200, response.status());
        List<String> lines = new ArrayList<>();
        for (String line : response.raw().body().split("\r?\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
