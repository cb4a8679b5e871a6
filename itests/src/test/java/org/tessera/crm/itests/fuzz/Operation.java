package org.tessera.crm.itests.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of the served OpenAPI document: method, path template, parameters and the media
 * type and schema of its body ({@code null} when it takes none).
 */
public record Operation(String method, String path, List<Parameter> parameters, String bodyMediaType, JsonNode bodySchema) {
    /** A declared parameter: where it goes ({@code path}, {@code query}, {@code header}) and its schema. */
    public record Parameter(String name, String in, JsonNode schema) {
    }

    /** {@code POST /v1/parties}: how reports and seeds name the operation. */
    public String key() {
        return method + " " + path;
    }

    public List<Parameter> in(String location) {
        return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
    }

    public boolean takesBody() {
        return bodyMediaType != null;
    }

    /** Every operation of the document, in document order. */
    public static List<Operation> of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            parameter.path("schema")));
                }
                String mediaType = null;
                JsonNode schema = null;
                Iterator<Map.Entry<String, JsonNode>> content = operation.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    mediaType = first.getKey();
                    schema = first.getValue().path("schema");
                }
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters),
                        mediaType, schema));
            }
        }
        return operations;
    }
}
