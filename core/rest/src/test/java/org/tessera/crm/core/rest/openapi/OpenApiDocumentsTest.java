package org.tessera.crm.core.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.kit.rest.ObjectMappers;

class OpenApiDocumentsTest {
    private final ObjectMapper mapper = ObjectMappers.create();

    @Test
    void mergesPathsAndSchemasUnderOneInfoAndServer() throws Exception {
        JsonNode core = json("{'openapi':'3.0.1','paths':{'/v1/parties':{'get':{}}},'components':{'schemas':{'PartyDTO':{'type':'object'}}}}");
        JsonNode sales = json("{'openapi':'3.0.1','paths':{'/v1/opportunities':{'get':{}}},'components':{'schemas':{'PartyDTO':{'type':'string'},'OpportunityDTO':{}}}}");
        ObjectNode merged = OpenApiDocuments.merge(List.of(core, sales));
        assertEquals("Tessera CRM API", merged.at("/info/title").asText());
        assertEquals("/tessera/api", merged.at("/servers/0/url").asText());
        assertTrue(merged.at("/paths").has("/v1/parties"));
        assertTrue(merged.at("/paths").has("/v1/opportunities"));
        assertEquals("object", merged.at("/components/schemas/PartyDTO/type").asText(), "the first document wins a clash");
        assertTrue(merged.at("/components/schemas").has("OpportunityDTO"));
    }

    @Test
    void servesAValidEmptyDocumentWhenNoBundleShipsOne() {
        ObjectNode merged = OpenApiDocuments.merge(List.of());
        assertEquals("3.0.1", merged.get("openapi").asText());
        assertTrue(merged.get("paths").isEmpty());
        assertFalse(merged.has("components"));
    }

    /** The document the build generated for this bundle describes the core resources. */
    @Test
    void theGeneratedCoreDocumentDescribesTheCoreResources() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/tessera/openapi.json")) {
            JsonNode generated = mapper.readTree(in);
            JsonNode paths = OpenApiDocuments.merge(List.of(generated)).get("paths");
            for (String path : List.of("/v1/parties", "/v1/parties/{id}", "/v1/parties/{id}/timeline", "/v1/activities/{id}",
                    "/v1/custom-fields/{entityType}/{key}", "/v1/picklists/{key}", "/v1/org-units/{id}", "/v1/agents/{id}", "/v1/health")) {
                assertTrue(paths.has(path), path);
            }
            assertFalse(paths.has("/openapi.json"), "the serving resource is not part of the API");
        }
    }

    private JsonNode json(String singleQuoted) throws Exception {
        return mapper.readTree(singleQuoted.replace('\'', '"'));
    }
}
