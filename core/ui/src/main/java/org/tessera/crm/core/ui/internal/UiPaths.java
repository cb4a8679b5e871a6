package org.tessera.crm.core.ui.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/** The file paths a UI bundle may serve: relative, plain segments, nothing that climbs or hides. */
final class UiPaths {
    /** A path segment: letters, digits and {@code . _ - ~ @ +}, not starting with a dot. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_~@+-][A-Za-z0-9._~@+-]{0,127}");

    private UiPaths() {
    }

    /**
     * {@code path} (relative, {@code /}-separated) when every segment is plain: no empty segment,
     * no {@code .} or {@code ..}, no hidden file, no backslash, colon or control character.
     */
    static Optional<String> safeRelative(String path) {
        if (path == null || path.isEmpty() || path.length() > 512) {
            return Optional.empty();
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    /** The folder a {@code Tessera-UI} header names, as an entry prefix without slashes at either end. */
    static Optional<String> folder(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.trim();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? Optional.empty() : safeRelative(trimmed);
    }
}
