package org.tessera.crm.core.rest.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
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
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.rest.json.JacksonJsonProvider;
import org.tessera.crm.core.rest.limits.RequestBodyLimitFilter;
import org.tessera.crm.core.rest.limits.RequestLimitsConfig;
import org.tessera.crm.core.rest.problem.JsonProcessingExceptionMapper;
import org.tessera.crm.core.rest.problem.ProblemInstanceFilter;
import org.tessera.crm.core.rest.problem.UnexpectedExceptionMapper;
import org.tessera.crm.core.rest.problem.ValidationExceptionMapper;
import org.tessera.crm.core.rest.problem.WebApplicationExceptionMapper;

/** The body limit and the JSON limits, through CXF in process as the whiteboard wires them. */
class RequestLimitsHttpTest {
    private static final String ADDRESS = "local://tessera-limits";
    private static final long LIMIT = 1024;
    private final ObjectMapper mapper = ObjectMappers.create();
    private Server server;

    @BeforeEach
    void start() {
        RequestBodyLimitFilter limit = new RequestBodyLimitFilter(limits(LIMIT));
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress(ADDRESS);
        factory.setResourceClasses(PartiesResource.class);
        factory.setResourceProvider(PartiesResource.class, new SingletonResourceProvider(new PartiesResource(
                new InMemoryPartyService(), new StubTimelineService(List.of()), query -> new Page<>(List.of(), null), null)));
        factory.setProviders(List.of(limit, new JacksonJsonProvider(), new JsonProcessingExceptionMapper(),
                new ValidationExceptionMapper(), new WebApplicationExceptionMapper(), new UnexpectedExceptionMapper(),
                new ProblemInstanceFilter()));
        server = factory.create();
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    @Test
    void aDeclaredLengthBeyondTheLimitIs413BeforeTheBodyIsRead() throws Exception {
        String body = "{\"type\":\"PERSON\",\"lastName\":\"" + "x".repeat(2000) + "\"}";
        JsonNode problem = assertProblem(post(body, Map.of("Content-Length", String.valueOf(body.length()))), 413);
        assertEquals("body", problem.at("/errors/0/field").asText());
        assertTrue(problem.get("detail").asText().contains("1024 bytes"), problem.toString());
        assertTrue(problem.get("detail").asText().contains("org.tessera.crm.rest.limits/maxBodyBytes"), problem.toString());
    }

    @Test
    void anUndeclaredBodyIsCutOffAtTheLimit() throws Exception {
        String body = "{\"type\":\"PERSON\",\"lastName\":\"" + "x".repeat(2000) + "\"}";
        JsonNode problem = assertProblem(post(body, Map.of()), 413);
        assertEquals("body", problem.at("/errors/0/field").asText());
    }

    @Test
    void aBodyWithinTheLimitIsServed() {
        assertEquals(201, post("{\"type\":\"PERSON\",\"lastName\":\"Hopper\"}", Map.of()).getStatus());
    }

    @Test
    void deepJsonIs422NamingTheLimit() throws Exception {
        String deep = "{\"type\":\"PERSON\",\"lastName\":\"Deep\",\"customFields\":{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}}";
        JsonNode problem = assertProblem(post(deep, Map.of()), 422);
        assertEquals("limit_exceeded", problem.at("/errors/0/code").asText(), problem.toString());
    }

    private Response post(String body, Map<String, String> headers) {
        WebClient client = WebClient.create(ADDRESS);
        WebClient.getConfig(client).getRequestContext().put(LocalConduit.DIRECT_DISPATCH, Boolean.TRUE);
        client.replacePath("/v1/parties");
        client.accept("application/json");
        client.type("application/json");
        headers.forEach(client::header);
        return client.invoke("POST", body);
    }

    private JsonNode assertProblem(Response response, int status) throws Exception {
        assertEquals(status, response.getStatus());
        assertTrue(response.getMediaType().toString().startsWith("application/problem+json"), response.getMediaType().toString());
        JsonNode problem = mapper.readTree(response.readEntity(String.class));
        assertEquals(status, problem.get("status").asInt());
        return problem;
    }

    static RequestLimitsConfig limits(long maxBodyBytes) {
        return new RequestLimitsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RequestLimitsConfig.class;
            }

            @Override
            public long maxBodyBytes() {
                return maxBodyBytes;
            }

            @Override
            public long maxImportBodyBytes() {
                return maxBodyBytes * 10;
            }

            @Override
            public int maxImportLineChars() {
                return (int) maxBodyBytes;
            }
        };
    }
}
