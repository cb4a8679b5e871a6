package org.tessera.crm.core.rest.problem;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Finds the part of a raw URI that a percent-decoder refuses: a {@code %} not followed by two hex digits. */
final class PercentEscapes {

    private PercentEscapes() {
    }

    /** Whether {@code raw} holds a malformed escape. */
    static boolean isMalformed(String raw) {
        if (raw == null) {
            return false;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name of the first query parameter whose name or value holds a malformed escape, decoded
     * when its name itself is well-formed; {@code null} when every parameter is well-formed.
     */
    static String malformedParameter(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (isMalformed(pair)) {
                return isMalformed(name) ? name : URLDecoder.decode(name, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
