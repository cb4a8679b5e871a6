package org.tessera.crm.core.rest.openapi;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * Merges the OpenAPI documents of the installed bundles into the one the API serves: their
 * {@code paths} and {@code components.schemas} under a common {@code info} and server. A pure
 * function of its inputs; on a clash the first document (the lowest bundle id) wins.
 */
public final class OpenApiDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocuments.class);
    static final String TITLE = "Tessera CRM API";
    static final String SERVER_URL = "/" + TesseraApi.APPLICATION_BASE;

    private OpenApiDocuments() {
    }

    public static ObjectNode merge(Iterable<JsonNode> documents) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode merged = json.objectNode();
        merged.put("openapi", "3.0.1");
        ObjectNode info = merged.putObject("info");
        info.put("title", TITLE);
        info.put("version", "1");
        merged.putArray("servers").addObject().put("url", SERVER_URL);
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = json.objectNode();
        for (JsonNode document : documents) {
            copyAbsent(document.path("paths"), paths, "path");
            copyAbsent(document.path("components").path("schemas"), schemas, "schema");
        }
        if (!schemas.isEmpty()) {
            merged.putObject("components").set("schemas", schemas);
        }
        return merged;
    }

    private static void copyAbsent(JsonNode from, ObjectNode to, String what) {
        Iterator<Map.Entry<String, JsonNode>> members = from.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (to.has(member.getKey())) {
                // schemas of shared API types (Page, FieldError…) legitimately repeat across bundles
                if (!to.get(member.getKey()).equals(member.getValue())) {
                    LOG.debug("OpenAPI {} {} is defined differently by two bundles; keeping the first", what, member.getKey());
                }
                continue;
            }
            to.set(member.getKey(), member.getValue().deepCopy());
        }
    }
}
