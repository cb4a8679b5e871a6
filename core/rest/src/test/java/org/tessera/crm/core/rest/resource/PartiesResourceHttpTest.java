package org.tessera.crm.core.rest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.client.WebClient;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.transport.local.LocalConduit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.rest.json.JacksonJsonProvider;
import org.tessera.crm.core.rest.problem.ConflictExceptionMapper;
import org.tessera.crm.core.rest.problem.JsonProcessingExceptionMapper;
import org.tessera.crm.core.rest.problem.NotFoundExceptionMapper;
import org.tessera.crm.core.rest.problem.ProblemInstanceFilter;
import org.tessera.crm.core.rest.problem.StaleVersionExceptionMapper;
import org.tessera.crm.core.rest.problem.UnexpectedExceptionMapper;
import org.tessera.crm.core.rest.problem.ValidationExceptionMapper;
import org.tessera.crm.core.rest.problem.WebApplicationExceptionMapper;
import org.tessera.crm.core.kit.rest.ObjectMappers;

/**
 * Round trips through CXF, in process: the resource, the JSON provider and the problem mappers as
 * the whiteboard puts them together, without OSGi.
 */
class PartiesResourceHttpTest {
    private static final String ADDRESS = "local://tessera-api";
    private final ObjectMapper mapper = ObjectMappers.create();
    private final InMemoryPartyService parties = new InMemoryPartyService();
    private final StubTimelineService timeline = new StubTimelineService(List.of());
    private Server server;

    @BeforeEach
    void start() {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress(ADDRESS);
        factory.setResourceClasses(PartiesResource.class);
        factory.setResourceProvider(PartiesResource.class, new SingletonResourceProvider(
                new PartiesResource(parties, timeline, query -> new Page<>(List.of(), null), null)));
        factory.setProviders(List.of(new JacksonJsonProvider(), new JsonProcessingExceptionMapper(),
                new ValidationExceptionMapper(), new NotFoundExceptionMapper(), new ConflictExceptionMapper(),
                new StaleVersionExceptionMapper(), new WebApplicationExceptionMapper(), new UnexpectedExceptionMapper(),
                new ProblemInstanceFilter()));
        server = factory.create();
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    void createsReadsPatchesAndDeletesAParty() throws Exception {
        Response created = call("POST", "/v1/parties", "application/json", "{\"type\":\"PERSON\",\"lastName\":\"Hopper\",\"birthDate\":\"1906-12-09\"}", null);
        assertEquals(201, created.getStatus());
        assertEquals("local://tessera-api/v1/parties/1", created.getHeaderString("Location"));
        assertEquals("\"1\"", created.getHeaderString("ETag"));
        assertEquals("1906-12-09", body(created).get("birthDate").asText());

        Response read = call("GET", "/v1/parties/1", null, null, null);
        assertEquals(200, read.getStatus());
        assertEquals("\"1\"", read.getHeaderString("ETag"));
        assertEquals(304, call("GET", "/v1/parties/1", null, null, Map.of("If-None-Match", "\"1\"")).getStatus());

        Response patched = call("PATCH", "/v1/parties/1", "application/merge-patch+json", "{\"birthDate\":null,\"jobTitle\":\"Admiral\"}",
                Map.of("If-Match", "W/\"1\""));
        assertEquals(200, patched.getStatus());
        JsonNode patchedBody = body(patched);
        assertEquals("Admiral", patchedBody.get("jobTitle").asText());
        assertFalse(patchedBody.has("birthDate"));
        assertEquals("\"2\"", patched.getHeaderString("ETag"));

        assertProblem(call("PATCH", "/v1/parties/1", "application/merge-patch+json", "{\"jobTitle\":\"x\"}", Map.of("If-Match", "\"1\"")),
                412, "If-Match");
        assertEquals(204, call("DELETE", "/v1/parties/1", null, null, Map.of("If-Match", "2")).getStatus());
        assertProblem(call("GET", "/v1/parties/1", null, null, null), 404, null);
    }

    @Test
    void answersEveryErrorAsAProblem() throws Exception {
        PartyDTO party = new PartyDTO();
        party.type = PartyType.ORGANIZATION;
        parties.create(party);

        assertProblem(call("POST", "/v1/parties", "application/json", "{\"type\":\"PERSON\",\"nickname\":\"x\"}", null), 400, "nickname");
        assertProblem(call("POST", "/v1/parties", "application/json", "{\"type\":\"PERSON\",\"birthDate\":\"1906-13-45\"}", null), 400, "birthDate");
        assertProblem(call("POST", "/v1/parties", "application/json",
                "{\"type\":\"PERSON\",\"contactMechanisms\":[{\"type\":\"PIGEON\"}]}", null), 400, "contactMechanisms[0].type");
        assertProblem(call("POST", "/v1/parties", "application/json", "{\"type\":", null), 400, null);
        assertProblem(call("POST", "/v1/parties", "application/json", "", null), 400, null);
        assertProblem(call("POST", "/v1/parties", "application/json", "[1, 2]", null), 400, null);
        assertProblem(call("POST", "/v1/parties", "application/json", "{\"type\":\"PERSON\",\"birthDate\":\"24601\"}", null), 400, "birthDate");
        assertProblem(call("POST", "/v1/parties", "application/xml", "<party/>", null), 415, null);
        assertProblem(call("POST", "/v1/parties", "text/plain", "hello", null), 415, null);
        assertProblem(call("PATCH", "/v1/parties/1", "application/merge-patch+json", "", null), 400, null);
        assertProblem(call("POST", "/v1/parties", "application/json", "{\"lastName\":\"Hopper\"}", null), 422, "type");
        assertProblem(call("PATCH", "/v1/parties/1", "application/json", "{}", null), 415, null);
        assertProblem(call("PATCH", "/v1/parties/1", "application/merge-patch+json", "[1]", null), 400, null);
        assertProblem(call("PUT", "/v1/parties/1", "application/json", "{\"type\":\"PERSON\"}", null), 428, "If-Match");
        assertProblem(call("GET", "/v1/parties?limit=500", null, null, null), 400, "limit");
        assertProblem(call("GET", "/v1/parties?type=ROBOT", null, null, null), 400, "type");
        assertProblem(call("GET", "/v1/parties?cursor=garbage!!", null, null, null), 400, "cursor");
        assertProblem(call("GET", "/v1/nowhere", null, null, null), 404, null);
        assertProblem(call("DELETE", "/v1/parties", null, null, null), 405, null);
    }

    @Test
    void searchesWithFiltersAndCustomFields() throws Exception {
        Response page = call("GET", "/v1/parties?q=ada&type=person&sort=name&limit=10&customFields.segment=GOLD", null, null, null);
        assertEquals(200, page.getStatus());
        JsonNode body = body(page);
        assertTrue(body.get("items").isArray());
        assertFalse(body.has("nextCursor"), "absent on the last page");
        assertEquals(PartyType.PERSON, parties.lastQuery.type);
        assertEquals(10, parties.lastQuery.limit);
        assertEquals(Map.of("segment", "GOLD"), parties.lastQuery.customFields);
        assertNull(parties.lastQuery.cursor);
    }

    @Test
    void sortsByIdNameOrCreationEitherWayAndRefusesAnyOtherSort() throws Exception {
        String[][] cases = {{"", "ID", "false"}, {"name", "NAME", "false"}, {"-name", "NAME", "true"}, {"NAME", "NAME", "false"},
            {"ID", "ID", "false"}, {"-id", "ID", "true"}, {"createdAt", "CREATED_AT", "false"}, {"-createdAt", "CREATED_AT", "true"}};
        for (String[] one : cases) {
            Response page = call("GET", "/v1/parties" + (one[0].isEmpty() ? "" : "?sort=" + one[0]), null, null, null);
            assertEquals(200, page.getStatus(), one[0]);
            assertEquals(one[1], parties.lastQuery.sort.name(), one[0]);
            assertEquals(Boolean.parseBoolean(one[2]), parties.lastQuery.descending, one[0]);
        }
        for (String bad : List.of("-", "--name", "owner", "name,-id", "+name")) {
            assertProblem(call("GET", "/v1/parties?sort=" + java.net.URLEncoder.encode(bad, "UTF-8"), null, null, null), 400, "sort");
        }
    }

    @Test
    void theTimelineFilterReachesTheService() throws Exception {
        assertEquals(200, call("GET", "/v1/parties/1/timeline?module=sales&type=OPPORTUNITY", null, null, null).getStatus());
        assertEquals("sales", timeline.lastModule);
        assertEquals("OPPORTUNITY", timeline.lastKind);
        assertEquals(200, call("GET", "/v1/parties/1/timeline?module=&type=", null, null, null).getStatus());
        assertNull(timeline.lastModule);
        assertNull(timeline.lastKind);
    }

    private void assertProblem(Response response, int status, String field) throws Exception {
        assertEquals(status, response.getStatus());
        assertTrue(response.getMediaType().toString().startsWith("application/problem+json"), response.getMediaType().toString());
        JsonNode problem = body(response);
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.path("instance").asText().contains("/v1/"), problem.toString());
        if (field != null) {
            assertEquals(field, problem.at("/errors/0/field").asText(), problem.toString());
        }
    }

    private Response call(String method, String path, String contentType, String body, Map<String, String> headers) {
        WebClient client = WebClient.create(ADDRESS);
        WebClient.getConfig(client).getRequestContext().put(LocalConduit.DIRECT_DISPATCH, Boolean.TRUE);
        client.replacePath(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        if (path.contains("?")) {
            for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                client.query(nameValue[0], nameValue[1]);
            }
        }
        client.accept("application/json");
        if (contentType != null) {
            client.type(contentType);
        }
        if (headers != null) {
            headers.forEach(client::header);
        }
        return client.invoke(method, body);
    }

    private JsonNode body(Response response) throws Exception {
        return mapper.readTree(response.readEntity(String.class));
    }
}
