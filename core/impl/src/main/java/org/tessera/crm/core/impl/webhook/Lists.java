package org.tessera.crm.core.impl.webhook;

import java.util.List;

/** Lists of names stored comma-separated (the names never hold a comma: validated). */
final class Lists {
    private Lists() {
    }

    static String join(List<String> names) {
        return names == null || names.isEmpty() ? null : String.join(",", names);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
