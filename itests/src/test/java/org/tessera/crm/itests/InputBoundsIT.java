package org.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.person;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertNamesField;
import static org.tessera.crm.itests.Problems.assertProblem;

import java.util.HashSet;
import java.util.Set;

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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * Unbounded and malformed input, in the core's application and in a module's (sales): bodies
 * beyond the size limit, JSON beyond the parser's limits, numbers whose exponent would take the
 * server down, too many search words, malformed percent escapes, over-long ids. Each answer is a
 * 4xx problem naming the limit or the field, never a 5xx.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class InputBoundsIT {
    private static final int MAX_BODY_BYTES = 1_048_576;
    private static final String HUGE_EXPONENT = "1e500000000";
    private final Api api = new Api();

    @Inject
    private BundleContext context;
    private final Fixtures fixtures = new Fixtures(api);

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        api.awaitHealthy(60);
    }

    @Test
    public void aBodyBeyondTheLimitIs413NamingTheLimitInTheCoreAndInModules() {
        for (String collection : new String[] {"/v1/parties", "/v1/sales/products"}) {
            String big = "{\"code\":\"" + "x".repeat(MAX_BODY_BYTES) + "\"}";
            JsonNode problem = assertProblem(api.sendBody("POST", collection, big, Api.JSON, null), 413);
            assertEquals("body", problem.path("errors").path(0).path("field").asText());
            assertTrue(problem.toString(), problem.path("detail").asText().contains(MAX_BODY_BYTES + " bytes"));
            assertTrue(problem.toString(), problem.path("detail").asText().contains("maxBodyBytes"));
        }
    }

    @Test
    public void jsonBeyondTheParserLimitsIs422NamingTheLimit() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        for (String collection : new String[] {"/v1/parties", "/v1/sales/leads"}) {
            JsonNode nested = assertProblem(api.sendBody("POST", collection, "{\"customFields\":{\"x\":" + deep + "}}", Api.JSON, null), 422);
            assertEquals(nested.toString(), "limit_exceeded", nested.path("errors").path(0).path("code").asText());
            String longNumber = "{\"customFields\":{\"x\":" + "9".repeat(5000) + "}}";
            JsonNode digits = assertProblem(api.sendBody("POST", collection, longNumber, Api.JSON, null), 422);
            assertEquals(digits.toString(), "limit_exceeded", digits.path("errors").path(0).path("code").asText());
        }
    }

    @Test
    public void aHugeExponentIs422NamingTheFieldInSalesMoneyAndCustomFields() {
        String product = fixtures.create("/v1/sales/products", Api.object().put("code", "BOUND-" + unique()).put("name", "Borne"))
                .path("id").asText();
        String priceList = "{\"name\":\"Tarif " + unique() + "\",\"currency\":\"EUR\",\"entries\":[{\"productId\":\"" + product
                + "\",\"unitPrice\":" + HUGE_EXPONENT + "}]}";
        assertNamesField(api.sendBody("POST", "/v1/sales/price-lists", priceList, Api.JSON, null), 422, "entries[0].unitPrice");

        String key = "bound" + unique();
        fixtures.create("/v1/custom-fields", Api.object().put("entityType", "PARTY").put("key", key).put("type", "DECIMAL"));
        String party = "{\"type\":\"PERSON\",\"lastName\":\"Borne\",\"customFields\":{\"" + key + "\":" + HUGE_EXPONENT + "}}";
        assertNamesField(api.sendBody("POST", "/v1/parties", party, Api.JSON, null), 422, "customFields." + key);
        assertNamesField(api.get("/v1/parties?customFields." + key + "=" + HUGE_EXPONENT), 422, "customFields." + key);
        assertEquals(200, api.get("/v1/health").status());
    }

    @Test
    public void tooManySearchWordsAre422NamingQ() {
        assertNamesField(api.get("/v1/parties?q=a+b+c+d+e+f+g+h+i"), 422, "q");
        assertNamesField(api.get("/v1/search?q=a+b+c+d+e+f+g+h+i"), 422, "q");
        assertEquals(200, api.get("/v1/parties?q=a+b+c+d+e+f+g+h").status());
    }

    @Test
    public void malformedPercentEscapesInTheQueryAre400NamingTheParameter() {
        assertRawProblem(RawHttp.get("/v1/parties?cursor=%%%%"), 400, "cursor");
        assertRawProblem(RawHttp.get("/v1/parties?limit=5&q=abc%2"), 400, "q");
        assertRawProblem(RawHttp.get("/v1/custom-fields?entityType=%ZZ"), 400, "entityType");
        assertRawProblem(RawHttp.get("/v1/sales/products?cursor=%%%%"), 400, "cursor");
    }

    @Test
    public void pathsJettyCannotParseAre400ProblemsEchoingNoByteOfThem() {
        // Jetty refuses the first ones while parsing the request line, before any Tessera code runs; it accepts
        // the old UTF-16 escape and a raw '|', which java.net.URI (and so CXF, with a 500) refuses
        String[] unparsable = {"/v1/parties/%ZZ", "/v1/parties/%00", "/v1/parties/%", "/v1/parties/abc%2",
            "/v1/sales/products/%G1", "/v1/parties/%3Cscript%3E%ZZ", "/v1/parties/%u0041", "/v1/parties/a|b"};
        for (String path : unparsable) {
            RawHttp.Response response = RawHttp.get(path);
            JsonNode problem = assertRawProblem(response, 400);
            assertEquals(problem.toString(), "Bad Request", problem.path("title").asText());
            assertFalse(problem.toString(), problem.path("type").asText().isEmpty());
            assertFalse(problem.toString(), problem.path("detail").asText().isEmpty());
            assertFalse(response.body(), response.body().contains("script") || response.body().contains("%ZZ"));
        }
        // Invalid UTF-8 escapes pass Jetty's parser: the API answers them as it answers any unknown id
        assertRawProblem(RawHttp.get("/v1/parties/%C3%28"), 404);
        assertEquals(200, api.get("/v1/health").status());
    }

    @Test
    public void overLongIdsAndCodesAre4xxProblemsInAModule() {
        String longId = "9".repeat(3000);
        Api.Response garbage = api.sendBody("PUT", "/v1/sales/products/" + longId, "garbage{", Api.JSON, "\"1\"");
        assertProblem(garbage, 400);
        Api.Response valid = api.put("/v1/sales/products/" + longId, Api.object().put("code", "X").put("name", "x"), "\"1\"");
        assertProblem(valid, 404);
        assertProblem(api.get("/v1/sales/products/" + "x".repeat(3000)), 404);
        assertNamesField(api.post("/v1/sales/products", Api.object().put("code", "C".repeat(5000)).put("name", "x")), 422, "code");
    }

    @Test
    public void anImportLineBeyondTheLimitIsARejectedRowNamingTheLineAndTheLimit() {
        String token = unique();
        ObjectNode first = person("Ada", "Bound" + token);
        first.putObject("externalIds").put("it-bounds", token + "-1");
        ObjectNode last = person("Grace", "Bound" + token);
        last.putObject("externalIds").put("it-bounds", token + "-3");
        String huge = "{\"type\":\"PERSON\",\"lastName\":\"" + "x".repeat(MAX_BODY_BYTES + 10) + "\"}";
        Api.Response report = api.sendBody("POST", "/v1/parties:import", first + "\n" + huge + "\n" + last + "\n",
                "application/x-ndjson", null);
        assertEquals(report.toString(), 200, report.status());
        assertEquals(2, report.json().path("created").asInt());
        JsonNode rejected = report.json().path("errors").path(0);
        assertEquals(2, rejected.path("line").asInt());
        String message = rejected.path("errors").path(0).path("message").asText();
        assertTrue(message, message.contains("line 2") && message.contains("maxImportLineChars"));
    }

    @Test
    public void oneJacksonRunsAndItHasParserLimits() {
        Set<Version> versions = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null && name.startsWith("com.fasterxml.jackson.")) {
                versions.add(new Version(bundle.getVersion().getMajor(), bundle.getVersion().getMinor(), bundle.getVersion().getMicro()));
            }
        }
        assertEquals("Jackson versions installed: " + versions, 1, versions.size());
        assertTrue("StreamReadConstraints came with Jackson 2.15: " + versions,
                versions.iterator().next().compareTo(new Version(2, 15, 0)) >= 0);
    }

    private static void assertRawProblem(RawHttp.Response response, int status, String field) {
        JsonNode problem = assertRawProblem(response, status);
        assertEquals(problem.toString(), field, problem.path("errors").path(0).path("field").asText());
    }

    private static JsonNode assertRawProblem(RawHttp.Response response, int status) {
        assertEquals(response.toString(), status, response.status());
        assertTrue(response.toString(), response.contentType().startsWith(Api.PROBLEM));
        JsonNode problem = response.json();
        assertEquals(response.toString(), status, problem.path("status").asInt());
        return problem;
    }
}
