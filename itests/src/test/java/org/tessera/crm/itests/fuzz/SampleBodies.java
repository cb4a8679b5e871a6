package org.tessera.crm.itests.fuzz;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plausible body for a schema of the document, the starting point of every body mutation:
 * each property present with a value of its declared type (the first constant of an enum, a
 * real date for a date). Server-assigned properties are left out so mutations reach validation.
 */
final class SampleBodies {
    private static final Set<String> SERVER_ASSIGNED = Set.of("id", "version", "createdAt", "updatedAt");
    private static final int MAX_DEPTH = 4;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonNode schemas;

    SampleBodies(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
    }

    JsonNode sample(JsonNode schema) {
        return sample(schema, 0);
    }

    /** The schema behind a {@code $ref}, or the schema itself. */
    JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring(ref.lastIndexOf('/') + 1)) : schema;
    }

    private JsonNode sample(JsonNode declared, int depth) {
        JsonNode schema = resolve(declared);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        switch (schema.path("type").asText("object")) {
            case "string":
                switch (schema.path("format").asText("")) {
                    case "date":
                        return JSON.textNode("2024-01-15");
                    case "date-time":
                        return JSON.textNode("2024-01-15T10:00:00Z");
                    default:
                        return JSON.textNode("fuzz");
                }
            case "integer":
                return JSON.numberNode(1);
            case "number":
                return JSON.numberNode(1.5);
            case "boolean":
                return JSON.booleanNode(false);
            case "array":
                ArrayNode array = JSON.arrayNode();
                if (depth < MAX_DEPTH) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                return array;
            default:
                ObjectNode object = JSON.objectNode();
                if (depth < MAX_DEPTH) {
                    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                    while (properties.hasNext()) {
                        Map.Entry<String, JsonNode> property = properties.next();
                        if (!(depth == 0 && SERVER_ASSIGNED.contains(property.getKey()))) {
                            object.set(property.getKey(), sample(property.getValue(), depth + 1));
                        }
                    }
                }
                return object;
        }
    }
}
