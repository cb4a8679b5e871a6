package org.tessera.crm.core.rest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

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
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.overview.PartyFactsDTO;
import org.tessera.crm.core.api.overview.PartyOverviewDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.search.SearchGroupDTO;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchResultsDTO;
import org.tessera.crm.core.api.spi.ContributionStatus;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.rest.json.JacksonJsonProvider;
import org.tessera.crm.core.rest.problem.NotFoundExceptionMapper;
import org.tessera.crm.core.rest.problem.ProblemInstanceFilter;
import org.tessera.crm.core.rest.problem.UnexpectedExceptionMapper;
import org.tessera.crm.core.rest.problem.ValidationExceptionMapper;
import org.tessera.crm.core.rest.problem.WebApplicationExceptionMapper;

/**
 * The overview and search resources in process, beside the parties resource as the whiteboard
 * serves them together: the overview's root resource takes only its own path.
 */
class OverviewAndSearchHttpTest {
    private static final String ADDRESS = "local://tessera-overview";
    private final ObjectMapper mapper = ObjectMappers.create();
    private final InMemoryPartyService parties = new InMemoryPartyService();
    private final List<String> searched = new ArrayList<>();
    private Server server;

    @BeforeEach
    void start() {
        PartyDTO party = new PartyDTO();
        party.type = PartyType.PERSON;
        party.lastName = "Hopper";
        parties.create(party);
        TimelineEntryDTO entry = new TimelineEntryDTO();
        entry.id = "core:activity:9";
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress(ADDRESS);
        factory.setResourceClasses(PartiesResource.class, PartyOverviewResource.class, SearchResource.class);
        factory.setResourceProvider(PartiesResource.class, new SingletonResourceProvider(
                new PartiesResource(parties, new StubTimelineService(List.of(entry)), query -> new Page<>(List.of(), null), null)));
        factory.setResourceProvider(PartyOverviewResource.class, new SingletonResourceProvider(new PartyOverviewResource(this::overview)));
        factory.setResourceProvider(SearchResource.class, new SingletonResourceProvider(new SearchResource(this::search)));
        factory.setProviders(List.of(new JacksonJsonProvider(), new ValidationExceptionMapper(), new NotFoundExceptionMapper(),
                new WebApplicationExceptionMapper(), new UnexpectedExceptionMapper(), new ProblemInstanceFilter()));
        server = factory.create();
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    void theOverviewAnswersAtItsPathAndThePartyPathsStayWithThePartiesResource() throws Exception {
        Response overview = call("/v1/parties/1/overview", null);
        assertEquals(200, overview.getStatus());
        JsonNode body = body(overview);
        assertEquals("1", body.at("/party/id").asText());
        assertEquals("sales", body.at("/sections/0/module").asText());
        assertEquals("OK", body.at("/sections/0/status").asText());
        assertEquals("EUR", body.at("/sections/0/figures/0/unit").asText());
        assertEquals("TIMEOUT", body.at("/sections/1/status").asText());
        assertTrue(body.at("/sections/1/figures").isArray());

        assertEquals(200, call("/v1/parties/1", null).getStatus());
        assertEquals("core:activity:9", body(call("/v1/parties/1/timeline", null)).at("/items/0/id").asText());
        assertProblem(call("/v1/parties/2/overview", null), 404, null);
    }

    @Test
    void theSearchAnswersGroupsAndNamesABadQueryOrLimitIn422Problems() throws Exception {
        Response found = call("/v1/search", "q=jean%20ber&limit=3");
        assertEquals(200, found.getStatus());
        JsonNode body = body(found);
        assertEquals("jean ber", body.get("q").asText());
        assertEquals("party", body.at("/groups/0/type").asText());
        assertEquals("/parties/1", body.at("/groups/0/items/0/href").asText());
        assertTrue(body.at("/groups/0/more").asBoolean());
        assertEquals(List.of("jean ber/3"), searched);

        assertEquals(List.of("jean ber/3", "x/5"), searchAgain("q=x"), "the default limit is 5");
        assertProblem(call("/v1/search", null), 422, "q");
        assertProblem(call("/v1/search", "q=" + "x".repeat(101)), 422, "q");
        assertProblem(call("/v1/search", "q=x&limit=many"), 422, "limit");
        assertProblem(call("/v1/search", "q=x&limit=50"), 422, "limit");
    }

    private List<String> searchAgain(String query) throws Exception {
        assertEquals(200, call("/v1/search", query).getStatus());
        return searched;
    }

    /** A stand-in of the overview service: a complete sales section and a late one; party 1 only. */
    private PartyOverviewDTO overview(String partyId) {
        if (!"1".equals(partyId)) {
            throw new NotFoundException("PARTY", partyId);
        }
        PartyOverviewDTO overview = new PartyOverviewDTO();
        overview.party = new PartyFactsDTO();
        overview.party.id = partyId;
        OverviewSectionDTO sales = OverviewSectionDTO.of(List.of(new KeyFigureDTO("openAmount", "Open amount",
                new java.math.BigDecimal("1200.50"), "EUR")), List.of());
        sales.module = "sales";
        sales.status = ContributionStatus.OK;
        OverviewSectionDTO late = new OverviewSectionDTO();
        late.module = "slow";
        late.status = ContributionStatus.TIMEOUT;
        overview.sections.add(sales);
        overview.sections.add(late);
        return overview;
    }

    /** A stand-in of the search service, checking as the real one does. */
    private SearchResultsDTO search(String q, int limit) {
        if (q == null || q.isBlank() || q.length() > 100) {
            throw new ValidationException(FieldError.invalid("q", "1 to 100 characters"));
        }
        if (limit < 1 || limit > 20) {
            throw new ValidationException(FieldError.invalid("limit", "1 to 20"));
        }
        searched.add(q + "/" + limit);
        SearchResultsDTO results = new SearchResultsDTO();
        results.q = q;
        SearchGroupDTO group = new SearchGroupDTO();
        group.type = "party";
        group.module = "core";
        group.status = ContributionStatus.OK;
        group.items.add(new SearchHitDTO("1", "party", "Grace Hopper", "PERSON", "/parties/1"));
        group.more = true;
        results.groups.add(group);
        return results;
    }

    private void assertProblem(Response response, int status, String field) throws Exception {
        assertEquals(status, response.getStatus());
        assertTrue(response.getMediaType().toString().startsWith("application/problem+json"), response.getMediaType().toString());
        if (field != null) {
            JsonNode problem = body(response);
            assertEquals(field, problem.at("/errors/0/field").asText(), problem.toString());
        }
    }

    private Response call(String path, String rawQuery) {
        WebClient client = WebClient.create(ADDRESS);
        WebClient.getConfig(client).getRequestContext().put(LocalConduit.DIRECT_DISPATCH, Boolean.TRUE);
        client.replacePath(path);
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] nameValue = pair.split("=", 2);
                client.query(nameValue[0], java.net.URLDecoder.decode(nameValue[1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        client.accept("application/json");
        return client.invoke("GET", null);
    }

    private JsonNode body(Response response) throws Exception {
        return mapper.readTree(response.readEntity(String.class));
    }
}
