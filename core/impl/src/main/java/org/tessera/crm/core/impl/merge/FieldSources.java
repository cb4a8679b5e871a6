package org.tessera.crm.core.impl.merge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The survivor's fields a merge took from a victim, as the merge log keeps them: {@code field=partyId,…}. */
final class FieldSources {
    private FieldSources() {
    }

    static String format(Map<String, String> sources) {
        return sources.isEmpty() ? null : sources.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    static Map<String, String> parse(String text) {
        Map<String, String> sources = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                int equals = pair.indexOf('=');
                sources.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return sources;
    }
}
