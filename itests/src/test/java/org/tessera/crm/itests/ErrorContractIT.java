package org.tessera.crm.itests;

import static org.junit.Assert.assertTrue;
import static org.tessera.crm.itests.Fixtures.person;
import static org.tessera.crm.itests.Fixtures.unique;
import static org.tessera.crm.itests.Problems.assertNamesField;
import static org.tessera.crm.itests.Problems.assertProblem;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** Bad input of every kind gets a problem+json 4xx naming the field, never a 5xx or a stack trace. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ErrorContractIT {
    private final Api api = new Api();

    @Configuration
    public Option[] config() {
        return TesseraContainer.options();
    }

    @Before
    public void apiIsUp() {
        api.awaitHealthy(60);
    }

    @Test
    public void malformedJsonIs400() {
        assertProblem(api.post("/v1/parties", "{\"type\": \"PERSON\", "), 400);
        assertProblem(api.post("/v1/parties", "[1, 2]"), 400);
        assertProblem(api.post("/v1/activities", "not json"), 400);
    }

    @Test
    public void aNullBodyIs400NamingTheBodyInTheCoreAndInModules() {
        for (String collection : new String[] {"/v1/parties", "/v1/activities", "/v1/agents", "/v1/org-units",
                "/v1/custom-fields", "/v1/picklists", "/v1/sales/products", "/v1/sales/leads"}) {
            assertNamesField(api.post(collection, "null"), 400, "body");
        }
    }

    @Test
    public void wrongValueTypesAndUnknownFieldsNameTheField() {
        assertNamesField(api.post("/v1/parties", "{\"type\": \"ALIEN\", \"lastName\": \"X\"}"), 400, "type");
        assertNamesField(api.post("/v1/parties", person("Jean", "Valjean").put("birthDate", "24601")), 400, "birthDate");
        assertNamesField(api.post("/v1/parties", person("Jean", "Valjean").put("shoeSize", 44)), 400, "shoeSize");
    }

    @Test
    public void validationErrorsAre422AndNameEveryField() {
        assertNamesField(api.post("/v1/parties", Api.object().put("firstName", "Sans type")), 422, "type");
        assertNamesField(api.post("/v1/parties", Api.object().put("type", "ORGANIZATION")), 422, "legalName");
        ObjectNode badEmail = person("Jean", "Valjean" + unique());
        badEmail.putArray("contactMechanisms").add(Api.object().put("type", "EMAIL").put("value", "not-an-email"));
        assertNamesField(api.post("/v1/parties", badEmail), 422, "contactMechanisms[0].value");
        ObjectNode badClassification = person("Jean", "Valjean" + unique());
        badClassification.putArray("classifications").add("OUTLAW");
        assertNamesField(api.post("/v1/parties", badClassification), 422, "classifications[0]");
        assertNamesField(api.post("/v1/parties", person("Jean", "Valjean").put("ownerId", "987654321")), 422, "ownerId");
        assertNamesField(api.post("/v1/parties", person("Jean", "Valjean").put("birthDate", "2999-01-01")), 422, "birthDate");
    }

    @Test
    public void unknownRecordsAndRoutesAre404() {
        assertProblem(api.get("/v1/parties/987654321"), 404);
        assertProblem(api.get("/v1/parties/not-an-id"), 404);
        assertProblem(api.get("/v1/activities/987654321"), 404);
        assertProblem(api.get("/v1/no-such-collection"), 404);
        assertProblem(api.patch("/v1/parties/987654321", Api.object().put("jobTitle", "x"), null), 404);
    }

    /** Found by MalformedInputFuzzIT: each of these was a 500. */
    @Test
    public void aNullInsideAListIs400NamingItsPlaceInTheCoreAndInModules() {
        assertNamesField(api.post("/v1/parties", person("Jean", "Valjean").set("contactMechanisms", Api.parse("[null]"))),
                400, "contactMechanisms[0]");
        // each resource of an application joins it on its own right after a boot: wait for the two used here
        Waits.awaitTrue(() -> api.get("/v1/sales/opportunities").status() == 200 && api.get("/v1/sales/quotes").status() != 404,
                "the sales application is served", 60);
        assertNamesField(api.post("/v1/sales/opportunities", Api.parse(
                "{\"name\":\"Deal\",\"accountId\":\"1\",\"contactRoles\":[{\"partyId\":\"1\",\"role\":\"BUYER\"},null]}")),
                400, "contactRoles[1]");
        assertNamesField(api.post("/v1/sales/quotes", Api.parse("{\"name\":\"Q\",\"lines\":[null]}")), 400, "lines[0]");
        // a list given as null reads as an empty one: the other errors are reported as usual
        assertNamesField(api.post("/v1/picklists", Api.parse("{\"key\":null,\"label\":\"x\",\"values\":null}")), 422, "key");
    }

    /** Found by MalformedInputFuzzIT: the features service read the name as a regular expression (a 500). */
    @Test
    public void aModuleNameThatIsAPatternIsNoModule() {
        assertProblem(api.post("/v1/modules/%5C/install", Api.object()), 404);
        assertProblem(api.post("/v1/modules/$%7Bjndi%7D/uninstall", Api.object()), 404);
    }

    @Test
    public void wrongMediaTypeIs415() {
        assertProblem(api.sendBody("POST", "/v1/parties", "type=PERSON", "text/plain", null), 415);
        assertProblem(api.sendBody("POST", "/v1/parties", "<party/>", "application/xml", null), 415);
    }

    @Test
    public void badQueryParametersAre400NamingTheParameter() {
        assertNamesField(api.get("/v1/parties?limit=0"), 400, "limit");
        assertNamesField(api.get("/v1/parties?limit=abc"), 400, "limit");
        assertNamesField(api.get("/v1/parties?limit=100000"), 400, "limit");
        assertNamesField(api.get("/v1/parties?cursor=garbage!!"), 400, "cursor");
        assertNamesField(api.get("/v1/parties?type=ALIEN"), 400, "type");
        assertNamesField(api.get("/v1/activities?dueFrom=yesterday"), 400, "dueFrom");
        assertNamesField(api.get("/v1/activities?status=MAYBE"), 400, "status");
    }

    @Test
    public void mergePatchMustBeAnObject() {
        String id = api.post("/v1/parties", person("Jean", "Valjean" + unique())).json().path("id").asText();
        assertProblem(api.sendBody("PATCH", "/v1/parties/" + id, "[\"jobTitle\"]", Api.MERGE_PATCH, "\"1\""), 400);
        assertProblem(api.sendBody("PATCH", "/v1/parties/" + id, "{\"jobTitle\":", Api.MERGE_PATCH, "\"1\""), 400);
    }

    @Test
    public void methodNotAllowedIsAProblemToo() {
        assertTrue(api.sendBody("POST", "/v1/health", "{}", Api.JSON, null).status() >= 400);
        assertProblem(api.sendBody("PUT", "/v1/parties", "{}", Api.JSON, null), 405);
    }
}
