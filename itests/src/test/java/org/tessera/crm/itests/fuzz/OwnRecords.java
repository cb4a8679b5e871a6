package org.tessera.crm.itests.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Records the fuzz test creates for itself, so that updates are fuzzed past the lookup of their
 * id, on records no other test reads. Generic: for each collection with a {@code POST} and a
 * {@code PUT} or {@code PATCH} of its items, an existing item is copied (without its id, version,
 * timestamps, external ids, and with fresh unique codes) and created again.
 */
public final class OwnRecords {
    private static final Set<String> SERVER_ASSIGNED = Set.of("id", "version", "createdAt", "updatedAt", "number",
            "convertedAt", "convertedAccountId", "convertedContactId", "convertedOpportunityId");
    private static final Set<String> UNIQUE = Set.of("code", "key", "login");

    private OwnRecords() {
    }

    /**
     * The id of an own record by collection path, for every collection where copying worked.
     *
     * @param get GETs a path, answering its status and JSON
     * @param post POSTs a body to a path, answering the created record's JSON or null
     */
    public static Map<String, String> create(List<Operation> operations, Function<String, JsonNode> get,
            BiFunction<String, JsonNode, JsonNode> post, String unique) {
        Map<String, String> records = new LinkedHashMap<>();
        for (Operation create : operations) {
            String collection = create.path();
            boolean updatable = operations.stream().anyMatch(operation -> operation.path().equals(collection + "/{id}")
                    && (operation.method().equals("PUT") || operation.method().equals("PATCH")));
            if (!create.method().equals("POST") || !create.in("path").isEmpty() || !create.takesBody() || !updatable
                    || MalformedRequests.CANNOT_SUCCEED_PREFIXES.stream().anyMatch(collection::startsWith)) {
                continue;
            }
            JsonNode page = get.apply(collection + "?limit=1");
            JsonNode first = page == null ? null : (page.isArray() ? page : page.path("items")).path(0);
            if (first == null || !first.isObject()) {
                continue;
            }
            JsonNode created = post.apply(collection, copy((ObjectNode) first.deepCopy(), unique));
            if (created != null && created.hasNonNull("id")) {
                records.put(collection, created.get("id").asText());
            }
        }
        return records;
    }

    private static JsonNode copy(ObjectNode record, String unique) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (UNIQUE.contains(name) && record.get(name).isTextual()) {
                record.put(name, "FUZZ-" + unique);
            }
        }
        withoutServerAssigned(record);
        return record;
    }

    /** Nested ids too: a contact mechanism or a line copied with its id could be taken from the original. */
    private static void withoutServerAssigned(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(SERVER_ASSIGNED);
            object.remove("externalIds");
        }
        node.forEach(OwnRecords::withoutServerAssigned);
    }
}
