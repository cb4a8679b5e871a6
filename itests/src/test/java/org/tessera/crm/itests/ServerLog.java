package org.tessera.crm.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own log, read from inside its JVM (a probe runs there): a test that meets a 500
 * prints the logged cause next to its failure, since the container's files are gone once the
 * suite ends.
 */
final class ServerLog {
    private static final Pattern ERROR_ID = Pattern.compile("error id ([0-9a-f-]{36})");
    private static final int MAX_LINES = 30;

    private ServerLog() {
    }

    /** What the log holds for every error id quoted in {@code text}, or an empty string. */
    static String causesOf(String text) {
        StringBuilder causes = new StringBuilder();
        Matcher ids = ERROR_ID.matcher(text);
        while (ids.find()) {
            causes.append("server log for error ").append(ids.group(1)).append(":\n");
            excerptFrom(ids.group(1)).forEach(line -> causes.append("    ").append(line).append('\n'));
        }
        return causes.toString();
    }

    /** The line that mentions {@code marker} and the lines after it, a stack trace's worth at most. */
    static List<String> excerptFrom(String marker) {
        String directory = System.getProperty("karaf.log");
        Path log = directory != null ? Path.of(directory, "karaf.log") : Path.of(System.getProperty("karaf.data", "data"), "log", "karaf.log");
        List<String> excerpt = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(marker)) {
                    excerpt.addAll(lines.subList(i, Math.min(lines.size(), i + MAX_LINES)));
                    return excerpt;
                }
            }
            excerpt.add("(" + log + " does not mention it)");
        } catch (IOException | RuntimeException unreadable) {
            excerpt.add("(" + log + " could not be read: " + unreadable + ")");
        }
        return excerpt;
    }
}
